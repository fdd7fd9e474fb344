"""A real Chromium uses Huzhu as a person would: signs in, switches language, creates an office."""
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import DEMO_PASSWORD


def click(browser, by, selector):
    """Clicks something that loads a new page, and waits until that page has loaded: the old page is
    marked first, and the wait ends when a page without the mark is complete. (Asking the old page's
    elements whether they are stale can itself fail while the pages change.)"""
    browser.execute_script("window.huzhuPreviousPage = true")
    browser.find_element(by, selector).click()
    WebDriverWait(browser, 15, ignored_exceptions=(WebDriverException,)).until(lambda driver: driver.execute_script(
        "return window.huzhuPreviousPage === undefined && document.readyState === 'complete'"))


def open_action(browser, action_end):
    """Opens the disclosure that holds the form posting to a URL ending in `action_end`, as a person
    clicks its title; one already open stays open."""
    details = browser.find_element(By.XPATH, f"//details[form[substring(@action, string-length(@action) - "
                                             f"{len(action_end) - 1}) = '{action_end}']]")
    if details.get_attribute("open") is None:
        summary = details.find_element(By.TAG_NAME, "summary")
        # Into the middle of the screen: at the top, the case's sticky menu of sections would cover it.
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()


def sign_in(browser, server, login):
    browser.get(server.url + "/")
    assert browser.current_url.startswith(server.url + "/login")
    browser.find_element(By.ID, "field-login").send_keys(login)
    browser.find_element(By.ID, "field-password").send_keys(DEMO_PASSWORD)
    click(browser, By.CSS_SELECTOR, "main button.primary")


def open_demo_case(browser):
    """Opens the demo's collective wage case from the case list (other tests add cases beside it)."""
    click(browser, By.LINK_TEXT, "个案")
    click(browser, By.XPATH, "//tr[td[contains(., '朝阳区工地集体欠薪')]]//a")


def test_demo_user_signs_in_switches_language_and_creates_an_office(browser, server):
    sign_in(browser, server, "ngoadmin")
    assert browser.find_element(By.TAG_NAME, "h1").text == "首页"
    assert "魏红" in browser.find_element(By.CLASS_NAME, "topbar").text

    click(browser, By.CSS_SELECTOR, ".langswitch button[value=en]")
    try:
        create_office_in_english(browser, server)
    finally:
        # The choice is the account's preference: give it back, whatever happened, for the tests after this one.
        browser.get(server.url + "/")
        click(browser, By.CSS_SELECTOR, ".langswitch button[value=zh-Hans]")
    assert browser.find_element(By.TAG_NAME, "h1").text == "首页"


def create_office_in_english(browser, server):
    assert browser.find_element(By.TAG_NAME, "h1").text == "Home"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"

    click(browser, By.LINK_TEXT, "Offices")
    click(browser, By.LINK_TEXT, "New office")
    browser.find_element(By.ID, "field-name").send_keys("Guangzhou office")
    browser.find_element(By.ID, "field-city").send_keys("Guangzhou")
    browser.find_element(By.ID, "field-code").send_keys("BJ")
    click(browser, By.CSS_SELECTOR, "main button.primary")
    # The code is taken: the error is shown beside the field and the typed values are kept.
    assert "already has an office with this code" in browser.find_element(By.ID, "field-code-error").text
    assert browser.find_element(By.ID, "field-name").get_attribute("value") == "Guangzhou office"

    code = browser.find_element(By.ID, "field-code")
    code.clear()
    code.send_keys("GZ")
    click(browser, By.CSS_SELECTOR, "main button.primary")
    assert browser.current_url == server.url + "/admin/offices"
    rows = browser.find_element(By.TAG_NAME, "tbody").text
    assert "GZ" in rows and "Guangzhou office" in rows


def test_every_demo_role_signs_in_and_sees_chinese(browser, server):
    for login in ["admin", "ngoadmin", "supervisor", "caseworker", "volunteer", "lawyer", "leader", "liaison"]:
        browser.delete_all_cookies()
        sign_in(browser, server, login)
        assert browser.find_element(By.TAG_NAME, "h1").text == "首页", login
        assert "我的账户" in browser.page_source, login
        click(browser, By.CSS_SELECTOR, ".logout button")
        assert browser.current_url.startswith(server.url + "/login"), login


def test_admin_creates_an_account_with_a_role_and_office(browser, server):
    sign_in(browser, server, "admin")
    browser.get(server.url + "/admin/users/new")
    browser.find_element(By.ID, "field-login").send_keys("e2e.volunteer")
    browser.find_element(By.ID, "field-display_name").send_keys("测试志愿者")
    Select(browser.find_element(By.ID, "field-role")).select_by_value("hotline_volunteer")
    Select(browser.find_element(By.ID, "field-office")).select_by_visible_text("小小鸟互助热线（演示） / 深圳办公室")
    click(browser, By.CSS_SELECTOR, "main button.primary")
    password = browser.find_element(By.CSS_SELECTOR, "code.secret").text
    assert len(password) == 19

    browser.delete_all_cookies()
    browser.get(server.url + "/login")
    browser.find_element(By.ID, "field-login").send_keys("e2e.volunteer")
    browser.find_element(By.ID, "field-password").send_keys(password)
    click(browser, By.CSS_SELECTOR, "main button.primary")
    assert "深圳办公室" in browser.find_element(By.CLASS_NAME, "topbar").text


def test_page_is_usable_at_360_pixels(browser, server):
    browser.set_window_size(360, 740)
    sign_in(browser, server, "admin")
    browser.get(server.url + "/admin/offices")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360
