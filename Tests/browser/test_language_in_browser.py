"""Language in a real Chromium: English chosen on the login page survives signing in."""
from selenium.webdriver.common.by import By

from test_admin_in_browser import DEMO_PASSWORD, click


def test_english_chosen_before_sign_in_survives_it(browser, server):
    browser.delete_all_cookies()
    browser.get(server.url + "/login")
    click(browser, By.CSS_SELECTOR, "form.langswitch button[value='en']")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    browser.find_element(By.ID, "field-login").send_keys("supervisor")
    browser.find_element(By.ID, "field-password").send_keys(DEMO_PASSWORD)
    click(browser, By.CSS_SELECTOR, "main button.primary")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Home"
    click(browser, By.LINK_TEXT, "Account")
    assert "Office supervisor" in browser.find_element(By.TAG_NAME, "main").text
    # Back to Chinese, the demo's language, for the tests that sign in as this account later.
    click(browser, By.CSS_SELECTOR, "form.langswitch button[value='zh-Hans']")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
