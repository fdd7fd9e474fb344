"""The main menu fits in one row at 1366 px for every role in both languages, marks the page one is on,
and on a 360 px phone stays one row that scrolls sideways instead of widening the page."""
from selenium.webdriver.common.by import By

from test_admin_in_browser import click, sign_in

ROLES = ["admin", "ngoadmin", "supervisor", "caseworker", "volunteer", "lawyer", "leader", "liaison"]


def rows(browser):
    tops = {item.location["y"] for item in browser.find_elements(By.CSS_SELECTOR, ".mainnav li")}
    return len(tops)


def test_main_menu_is_one_row_for_every_role_and_language(browser, server):
    try:
        for login in ROLES:
            browser.set_window_size(1366, 900)
            browser.delete_all_cookies()
            sign_in(browser, server, login)
            for language in ("zh-Hans", "en"):
                click(browser, By.CSS_SELECTOR, f"form.langswitch button[value='{language}']")
                assert rows(browser) == 1, f"{login} {language}: {browser.find_element(By.CSS_SELECTOR, '.mainnav').text}"
                current = browser.find_elements(By.CSS_SELECTOR, ".mainnav a.current")
                assert [a.get_attribute("href") for a in current] == [server.url + "/"], login
            browser.set_window_size(360, 740)
            browser.get(server.url + "/")
            assert rows(browser) == 1, login
            assert browser.execute_script("return document.documentElement.scrollWidth") <= 360, login
            # Back to Chinese for the tests that sign in as this account later.
            click(browser, By.CSS_SELECTOR, "form.langswitch button[value='zh-Hans']")
    finally:
        browser.set_window_size(1366, 900)
