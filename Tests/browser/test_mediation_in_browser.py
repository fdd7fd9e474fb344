"""A caseworker records a mediation session and an agreement with two instalments in a real Chromium,
records one payment, and sees the second instalment flagged once the (test) clock passes its date."""
from datetime import date, datetime, timedelta, timezone

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_admin_in_browser import open_action, click, open_demo_case, sign_in


def test_second_instalment_flagged_when_due(browser, server):
    today = date.today()
    first, second = today + timedelta(days=5), today + timedelta(days=20)
    try:
        sign_in(browser, server, "caseworker")
        open_demo_case(browser)

        form = "form[action$='/sessions']"

        open_action(browser, "/sessions")
        browser.find_element(By.CSS_SELECTOR, f"{form} input[name='mediators[]']").click()
        browser.find_element(By.ID, "field-parties").send_keys("王大山 工友\n李某 总包项目经理")
        browser.find_element(By.ID, "field-discussion").send_keys("总包同意分两期支付王大山的工资")
        Select(browser.find_element(By.ID, "field-result")).select_by_value("agreement")
        click(browser, By.CSS_SELECTOR, f"{form} button.primary")
        assert "总包同意分两期支付王大山的工资" in browser.find_element(By.ID, "mediation").text

        form = "form[action$='/mediation-agreements']"

        open_action(browser, "/mediation-agreements")
        browser.find_element(By.ID, "field-agreement_parties").send_keys("王大山与北方建工集团")
        browser.find_element(By.ID, "field-facts").send_keys("拖欠王大山工资两万四千元")
        browser.find_element(By.ID, "field-terms").send_keys("分两期付清")
        label = browser.find_element(By.XPATH, "//label[starts-with(normalize-space(.), '王大山')]")
        browser.find_element(By.ID, label.get_attribute("for")).send_keys("24000")
        browser.find_element(By.ID, "field-schedule").send_keys(f"{first} 12000\n{second} 12000")
        click(browser, By.CSS_SELECTOR, f"{form} button.primary")
        rows = browser.find_elements(By.CSS_SELECTOR, "#mediation tr.instalment")
        assert [row.get_attribute("class") for row in rows] == ["instalment due", "instalment due"]

        form = "form[action$='/payments']"

        open_action(browser, "/payments")
        Select(browser.find_element(By.CSS_SELECTOR, f"{form} [name='claim']")).select_by_visible_text("王大山 · 拖欠工资")
        browser.find_element(By.CSS_SELECTOR, f"{form} [name='amount']").send_keys("12000")
        click(browser, By.CSS_SELECTOR, f"{form} button.primary")
        rows = browser.find_elements(By.CSS_SELECTOR, "#mediation tr.instalment")
        assert [row.get_attribute("class") for row in rows] == ["instalment paid", "instalment due"]

        server.set_time(datetime.combine(today + timedelta(days=25), datetime.min.time(), timezone.utc))
        browser.delete_all_cookies()
        sign_in(browser, server, "caseworker")
        open_demo_case(browser)
        rows = browser.find_elements(By.CSS_SELECTOR, "#mediation tr.instalment")
        assert [row.get_attribute("class") for row in rows] == ["instalment paid", "instalment overdue"]
        assert "逾期未付" in rows[1].text
    finally:
        server.set_time(None)
        browser.delete_all_cookies()
