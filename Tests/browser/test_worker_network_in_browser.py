"""A caseworker on a 360 px phone finds the trainings from the list of workers, registers a worker for the
demo's coming training and takes the roll call of the one held last week; the groups and trainings pages
have no serious accessibility violation."""
import datetime

from selenium.webdriver.common.by import By

from test_accessibility_in_browser import check
from test_admin_in_browser import click, open_action, sign_in


BEIJING = datetime.timezone(datetime.timedelta(hours=8))


def main_text(browser):
    return browser.find_element(By.TAG_NAME, "main").text


def test_trainings_on_a_phone(browser, server):
    browser.set_window_size(360, 780)
    try:
        sign_in(browser, server, "caseworker")
        click(browser, By.LINK_TEXT, "工友")
        click(browser, By.LINK_TEXT, "培训")
        check(browser, "trainings")
        click(browser, By.LINK_TEXT, "高处作业与工伤认定")
        check(browser, "coming training")
        assert "6/8" in main_text(browser)
        open_action(browser, "/registrations")
        browser.find_element(By.ID, "field-full_name").send_keys("牛师傅")
        browser.find_element(By.ID, "field-phone").send_keys("13711009999")
        click(browser, By.XPATH, "//form[contains(@action, '/registrations')]//button[@type='submit']")
        assert "7/8" in main_text(browser) and "牛师傅" in main_text(browser)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
        join = browser.find_element(By.XPATH, "//dd[starts-with(normalize-space(), '/join/')]").text.strip()

        # A worker opens the public address on their own phone, without an account.
        browser.delete_all_cookies()
        browser.get(server.url + join)
        check(browser, "public sign-up")
        assert "尚余 1 个名额" in main_text(browser)
        browser.find_element(By.ID, "field-full_name").send_keys("马大姐")
        browser.find_element(By.ID, "field-phone").send_keys("13711008888")
        browser.find_element(By.ID, "field-consent_sms").click()
        click(browser, By.XPATH, "//form[contains(@action, '/join/')]//button[@type='submit']")
        assert "你已报名" in main_text(browser)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
        sign_in(browser, server, "caseworker")
        browser.get(server.url + "/trainings")

        click(browser, By.LINK_TEXT, "讨薪的法律途径：证据、协商与仲裁")
        check(browser, "roll call")
        assert "10/12" in main_text(browser)
        click(browser, By.XPATH, "//ul[@class='roll-call']/li[not(contains(@class, 'present'))][1]//button")
        assert "11/12" in main_text(browser)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    finally:
        browser.delete_all_cookies()
        browser.set_window_size(1280, 900)


def test_groups_pages_have_no_serious_violation(browser, server):
    try:
        sign_in(browser, server, "supervisor")
        click(browser, By.LINK_TEXT, "工友")
        click(browser, By.LINK_TEXT, "工友小组")
        check(browser, "groups")
        click(browser, By.LINK_TEXT, "朝阳某工地工友组")
        check(browser, "group")
        assert "14 名组员，1 名骨干" in main_text(browser)
    finally:
        browser.delete_all_cookies()


def test_a_group_leader_on_a_phone(browser, server):
    browser.set_window_size(360, 780)
    try:
        sign_in(browser, server, "leader")
        click(browser, By.LINK_TEXT, "我的小组")
        check(browser, "my groups")
        text = main_text(browser)
        assert "宝安某工地工友组" in text and "朝阳某工地工友组" not in text
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    finally:
        browser.delete_all_cookies()
        browser.set_window_size(1280, 900)


def test_from_a_list_to_the_indicators(browser, server):
    """A supervisor finds Shenzhen's building-site workers, plans a training, registers three of them; two
    more sign up through the public address on their phones; the roll call is taken on a phone; the
    dashboard counts five participants. The clock is moved to a month the demo left empty."""
    today = datetime.datetime.now(BEIJING).date()
    later = (today.replace(day=1) + datetime.timedelta(days=62)).replace(day=15)
    server.set_time(datetime.datetime(later.year, later.month, 15, 10, 0, tzinfo=BEIJING))
    try:
        sign_in(browser, server, "supervisor")
        browser.get(server.url + "/lists")
        open_action(browser, "/lists")
        browser.find_element(By.ID, "field-name").send_keys("深圳建筑工人")
        browser.find_element(By.ID, "field-current_city").send_keys("深圳")
        browser.find_element(By.ID, "field-industry").send_keys("建筑")
        click(browser, By.XPATH, "//form[@action='/lists']//button[@type='submit']")
        check(browser, "saved list")
        assert "今天查到 11 名工友" in main_text(browser), main_text(browser)

        browser.get(server.url + "/trainings")
        open_action(browser, "/trainings")
        for field, value in [("training_title", "欠薪维权与工伤"), ("place", "活动室"), ("trainer", "李静"), ("capacity", "5")]:
            element = browser.find_element(By.ID, f"field-{field}")
            element.clear()
            element.send_keys(value)
        browser.execute_script("document.getElementById('field-day').value = arguments[0]", later.isoformat())
        browser.find_element(By.ID, "field-waiting_list").click()  # no waiting list: five places, no more
        click(browser, By.XPATH, "//form[@action='/trainings']//button[@type='submit']")
        training = browser.current_url
        assert "/trainings/" in training, main_text(browser)
        for number in range(3):
            open_action(browser, "/registrations")
            browser.find_element(By.ID, "field-full_name").send_keys("工友")
            browser.find_element(By.ID, "field-phone").send_keys(f"137110002{number:02d}")
            click(browser, By.XPATH, "//form[contains(@action, '/registrations')]//button[@type='submit']")
        assert "3/5" in main_text(browser)
        join = browser.find_element(By.XPATH, "//dd[starts-with(normalize-space(), '/join/')]").text.strip()

        browser.set_window_size(360, 780)
        for name, phone in [("牛师傅", "13711007777"), ("马大哥", "13711006666")]:
            browser.delete_all_cookies()
            browser.get(server.url + join)
            browser.find_element(By.ID, "field-full_name").send_keys(name)
            browser.find_element(By.ID, "field-phone").send_keys(phone)
            click(browser, By.XPATH, "//form[contains(@action, '/join/')]//button[@type='submit']")
            assert "你已报名" in main_text(browser)

        sign_in(browser, server, "supervisor")
        browser.get(training)
        assert "5/5" in main_text(browser)
        for _ in range(5):
            click(browser, By.XPATH, "//ul[@class='roll-call']/li[not(contains(@class, 'present'))][1]//button")
        assert "5/5" in browser.find_element(By.XPATH, "//dt[normalize-space()='到场']/following-sibling::dd[1]").text
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360

        browser.set_window_size(1280, 900)
        browser.get(server.url + "/indicators")
        participants = browser.find_element(By.CSS_SELECTOR, "tr[data-indicator='training_participants'] td.value").text
        assert participants.strip() == "5", participants
    finally:
        server.set_time(None)
        browser.delete_all_cookies()
        browser.set_window_size(1280, 900)
