"""An NGO admin publishes a month of figures in a real Chromium; an anonymous visitor opens the public
page and sees them with their digest."""
from datetime import date, timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_admin_in_browser import click, sign_in


def test_publish_a_month_and_read_it_anonymously(browser, server):
    first_of_month = date.today().replace(day=1)
    previous = (first_of_month - timedelta(days=1)).replace(day=1)
    try:
        sign_in(browser, server, "ngoadmin")
        click(browser, By.LINK_TEXT, "服务指标")
        figures = browser.find_element(By.CSS_SELECTOR, ".indicators").text
        assert "接听热线" in figures and "追回金额（元）" in figures
        assert browser.find_elements(By.CSS_SELECTOR, ".indicators svg.chart")

        Select(browser.find_element(By.ID, "field-period_kind")).select_by_value("month")
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, "field-period_from"),
                               previous.isoformat())
        # The demo published last month already: publishing it again is a correction, with its reason.
        browser.find_element(By.CSS_SELECTOR, "#publish [name='reason']").send_keys("浏览器测试：重新发布")
        click(browser, By.CSS_SELECTOR, "#publish button.primary")
        digest = browser.find_element(By.TAG_NAME, "pre").text
        assert '"scope":"ngo:' in digest

        browser.delete_all_cookies()
        browser.get(server.url + "/transparency?period=" + previous.strftime("%Y-%m"))
        assert "/login" not in browser.current_url
        card = browser.find_element(By.CSS_SELECTOR, ".snapshot[data-scope='ngo']").text
        assert "小小鸟互助热线（演示）" in card and "SHA-256" in card
        assert browser.find_element(By.CSS_SELECTOR, ".snapshot tr[data-indicator='hotline_calls'] td").text.isdigit()

        # On a phone, the snapshot's page (with its long canonical text) is no wider than the screen.
        snapshot = browser.find_element(By.CSS_SELECTOR, ".snapshot[data-scope='ngo'] h2 a").get_attribute("href")
        browser.set_window_size(360, 740)
        browser.get(snapshot)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    finally:
        browser.set_window_size(1366, 900)
        browser.delete_all_cookies()
