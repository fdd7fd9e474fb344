"""An anonymous worker files feedback on the partner's public form in a real Chromium; NGO staff triage
and escalate it; the enterprise liaison acknowledges it, and never sees the worker's words or number."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_admin_in_browser import click, sign_in

WORDS = "二厂夜班锅炉房有漏气，上周有人晕倒"
PHONE = "13712345678"


def test_feedback_from_the_floor_to_the_liaison(browser, server):
    form = re.search(r"/voice/[0-9a-f-]{36}", server.output()).group(0)
    try:
        browser.delete_all_cookies()
        browser.get(server.url + form)
        Select(browser.find_element(By.ID, "field-category")).select_by_value("safety")
        browser.find_element(By.CSS_SELECTOR, "input[name='severity'][value='urgent']").click()
        browser.find_element(By.ID, "field-description").send_keys(WORDS)
        browser.find_element(By.CSS_SELECTOR, "input[name='treatment'][value='confidential']").click()
        browser.find_element(By.ID, "field-callback").send_keys(PHONE)
        click(browser, By.CSS_SELECTOR, "main button.primary")
        assert "谢谢" in browser.find_element(By.TAG_NAME, "main").text

        sign_in(browser, server, "ngoadmin")
        click(browser, By.LINK_TEXT, "合作企业")
        click(browser, By.PARTIAL_LINK_TEXT, "某电子科技")
        click(browser, By.CSS_SELECTOR, "#main table a")
        assert WORDS in browser.find_element(By.TAG_NAME, "main").text
        browser.find_element(By.ID, "field-summary").send_keys("二厂锅炉房疑有燃气泄漏，请立即检查")
        assert browser.find_element(By.ID, "field-escalate").is_selected()
        click(browser, By.CSS_SELECTOR, "form[action$='/summary'] button.primary")
        assert "已转企业" in browser.find_element(By.TAG_NAME, "main").text

        browser.delete_all_cookies()
        sign_in(browser, server, "liaison")
        click(browser, By.LINK_TEXT, "企业沟通平台")
        portal = browser.find_element(By.TAG_NAME, "main").text
        assert "二厂锅炉房疑有燃气泄漏" in portal and "请于" in portal
        assert WORDS not in browser.page_source and PHONE not in browser.page_source and "5678" not in portal
        click(browser, By.CSS_SELECTOR, "form[action$='/acknowledge'] button.primary")
        assert "已于" in browser.find_element(By.TAG_NAME, "main").text
    finally:
        browser.delete_all_cookies()
