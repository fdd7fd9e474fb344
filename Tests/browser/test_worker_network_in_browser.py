"""A caseworker on a 360 px phone finds the trainings from the list of workers, registers a worker for the
demo's coming training and takes the roll call of the one held last week; the groups and trainings pages
have no serious accessibility violation."""
from selenium.webdriver.common.by import By

from test_accessibility_in_browser import check
from test_admin_in_browser import click, open_action, sign_in


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
        assert "宝安电子厂宿舍组" in text and "朝阳某工地工友组" not in text
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    finally:
        browser.delete_all_cookies()
        browser.set_window_size(1280, 900)
