"""A volunteer lawyer on a 360 px wide phone signs up for the demo's uncovered hotline shift, checks in and
out of it; the supervisor approves the hours; the indicators dashboard counts them as human input. axe
finds no serious violation on the roster pages."""
import datetime
import tempfile

from selenium.webdriver.common.by import By

from test_accessibility_in_browser import check
from test_admin_in_browser import click, sign_in

BEIJING = datetime.timezone(datetime.timedelta(hours=8))


def next_wednesday():
    """The demo leaves next week's Wednesday evening hotline shift without anyone on it."""
    today = datetime.datetime.now(BEIJING).date()
    return today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=9)


def at(day, hour, minute):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BEIJING).astimezone(datetime.timezone.utc)


def test_a_shift_from_sign_up_to_the_indicators_on_a_phone(browser, server):
    wednesday = next_wednesday()
    week = f"{server.url}/shifts?week={wednesday.isoformat()}"
    browser.set_window_size(360, 780)
    try:
        sign_in(browser, server, "lawyer")
        click(browser, By.LINK_TEXT, "排班")
        browser.get(week)
        check(browser, "shift week")
        click(browser, By.XPATH, "//li[contains(@class, 'uncovered')]//button[normalize-space()='报名']")
        assert "你在此班次中" in browser.find_element(By.TAG_NAME, "main").text
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360

        server.set_time(at(wednesday, 18, 40))
        browser.delete_all_cookies()
        sign_in(browser, server, "lawyer")
        assert "我今明两天的班次" in browser.find_element(By.TAG_NAME, "main").text
        browser.get(week)
        click(browser, By.XPATH, "//button[normalize-space()='签到']")
        server.set_time(at(wednesday, 20, 40))
        browser.delete_all_cookies()
        sign_in(browser, server, "lawyer")
        browser.get(week)
        click(browser, By.XPATH, "//button[normalize-space()='签退']")
        assert "已签退，时长待审核" in browser.find_element(By.TAG_NAME, "main").text

        browser.delete_all_cookies()
        sign_in(browser, server, "supervisor")
        assert "条时长待审核" in browser.find_element(By.TAG_NAME, "main").text
        browser.get(week)
        click(browser, By.LINK_TEXT, "服务时长")
        check(browser, "hours")
        pending = browser.find_element(By.TAG_NAME, "main").text
        assert "刘志强" in pending and "2 小时" in pending
        click(browser, By.XPATH, "//form[input[@name='decision'][@value='approve']]//button")
        assert "没有待审核的时长" in browser.find_element(By.TAG_NAME, "main").text

        browser.get(server.url + "/indicators")
        hours = browser.find_element(By.CSS_SELECTOR, "tr[data-indicator='human_input_hours'] td.value").text
        assert hours.strip() == "2", hours
    finally:
        server.set_time(None)
        browser.delete_all_cookies()
        browser.set_window_size(1280, 900)


def test_roster_pages_have_no_serious_violation(browser, server):
    try:
        sign_in(browser, server, "supervisor")
        click(browser, By.LINK_TEXT, "排班")
        click(browser, By.LINK_TEXT, "志愿者")
        check(browser, "volunteers")
        assert "刘志强" in browser.find_element(By.TAG_NAME, "main").text
        click(browser, By.LINK_TEXT, "刘志强")
        check(browser, "volunteer")
        assert "热线值班: 已培训" in browser.find_element(By.TAG_NAME, "main").text
        browser.get(server.url + "/courses")
        check(browser, "courses")
        # The demo's approved hours are last month's.
        last_month = datetime.datetime.now(BEIJING).date().replace(day=1) - datetime.timedelta(days=1)
        browser.get(f"{server.url}/volunteers/firms?year={last_month.year}")
        check(browser, "firms")
        click(browser, By.PARTIAL_LINK_TEXT, "北京某律师事务所")
        check(browser, "firm report")
        assert "刘志强" in browser.find_element(By.TAG_NAME, "main").text
    finally:
        browser.delete_all_cookies()


def test_a_roster_imported_and_the_hotline_hours_kept(browser, server):
    try:
        sign_in(browser, server, "supervisor")
        click(browser, By.LINK_TEXT, "排班")
        check(browser, "shift week with opening hours")
        assert "热线开放时间" in browser.find_element(By.TAG_NAME, "main").text
        click(browser, By.LINK_TEXT, "志愿者")
        click(browser, By.LINK_TEXT, "导入志愿者名册")
        check(browser, "roster import")
        with tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", delete=False) as roster:
            roster.write("姓名,手机,类别,执业证号\n马律师,13800138301,律师,11101201810234561\n牛同学,12345,法律专业学生,\n")
        browser.find_element(By.NAME, "file").send_keys(roster.name)
        click(browser, By.XPATH, "//form[@enctype='multipart/form-data']//button[@type='submit']")
        preview = browser.find_element(By.TAG_NAME, "main").text
        assert "可以导入：1 行" in preview and "有问题：1 行" in preview, preview
        check(browser, "roster preview")
        click(browser, By.XPATH, "//button[normalize-space()='录入 1 名新志愿者']")
        assert "已录入 1 名志愿者" in browser.find_element(By.TAG_NAME, "main").text
        click(browser, By.LINK_TEXT, "志愿者")
        assert "马律师" in browser.find_element(By.TAG_NAME, "main").text
    finally:
        browser.delete_all_cookies()
