"""A caseworker opens a collective case from a hotline contact in a real Chromium, records claims for
three workers and two payments, and reads the per-worker and case totals."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_admin_in_browser import click, open_action, open_demo_case, sign_in


def in_form(browser, action_end, name):
    open_action(browser, action_end)
    return browser.find_element(By.CSS_SELECTOR, f"form[action$='{action_end}'] [name='{name}']")


def test_collective_case_from_a_contact(browser, server):
    sign_in(browser, server, "caseworker")
    click(browser, By.LINK_TEXT, "来电登记")
    browser.find_element(By.ID, "field-phone").send_keys("13912340001")
    click(browser, By.CSS_SELECTOR, "form.lookup button")
    browser.find_element(By.ID, "field-full_name").send_keys("集体案工友甲")
    browser.find_element(By.ID, "field-topics-0").click()
    browser.find_element(By.ID, "field-summary").send_keys("工地二十多人被拖欠工资")
    Select(browser.find_element(By.ID, "field-outcome")).select_by_value("case_to_open")
    click(browser, By.CSS_SELECTOR, ".intake-form button.primary")
    click(browser, By.CSS_SELECTOR, ".notice.done a")

    click(browser, By.LINK_TEXT, "据此立案")
    assert browser.find_element(By.ID, "field-title").get_attribute("value") == "工地二十多人被拖欠工资"
    assert browser.find_element(By.CSS_SELECTOR, "input[value='wage_arrears']").is_selected()
    browser.find_element(By.ID, "field-respondent_name").send_keys("浏览器劳务公司")
    browser.find_element(By.ID, "field-roster").send_keys("集体案工友乙 13912340002\n集体案工友丙 13912340003")
    click(browser, By.CSS_SELECTOR, "main button.primary")
    assert "案号" in browser.find_element(By.ID, "summary").text
    assert "工友（3）" in browser.find_element(By.ID, "workers").text

    for worker, amount in [("集体案工友甲", "10000"), ("集体案工友乙", "8000"), ("集体案工友丙", "6000.50")]:
        Select(in_form(browser, "/claims", "worker")).select_by_visible_text(worker)
        Select(in_form(browser, "/claims", "head")).select_by_value("unpaid_wages")
        in_form(browser, "/claims", "claimed").send_keys(amount)
        click(browser, By.CSS_SELECTOR, "form[action$='/claims'] button.primary")

    for claim, amount in [("集体案工友甲 · 拖欠工资", "4000"), ("集体案工友丙 · 拖欠工资", "1500.25")]:
        Select(in_form(browser, "/payments", "claim")).select_by_visible_text(claim)
        in_form(browser, "/payments", "amount").send_keys(amount)
        click(browser, By.CSS_SELECTOR, "form[action$='/payments'] button.primary")

    rows = {row.get_attribute("data-worker"): row.text for row in
            browser.find_elements(By.CSS_SELECTOR, "#workers tbody tr")}
    assert "¥10,000.00" in rows["集体案工友甲"] and "¥4,000.00" in rows["集体案工友甲"]
    assert "¥8,000.00" in rows["集体案工友乙"] and "¥0.00" in rows["集体案工友乙"]
    assert "¥6,000.50" in rows["集体案工友丙"] and "¥1,500.25" in rows["集体案工友丙"]
    total = browser.find_element(By.CSS_SELECTOR, "#workers tfoot").text
    assert "¥24,000.50" in total and "¥5,500.25" in total
    assert "到账" in browser.find_element(By.ID, "timeline").text


def test_ledger_with_one_worker_overpaid_and_one_unpaid(browser, server):
    """The case's outstanding is the unpaid worker's debt, not netted against the other's overpayment,
    which must be confirmed before it is saved."""
    sign_in(browser, server, "caseworker")
    browser.get(server.url + "/cases/new")
    browser.find_element(By.ID, "field-title").send_keys("台账多付与欠付")
    browser.find_element(By.CSS_SELECTOR, "input[value='wage_arrears']").click()
    browser.find_element(By.ID, "field-respondent_name").send_keys("台账劳务公司")
    browser.find_element(By.ID, "field-roster").send_keys("台账工友甲 13912340011\n台账工友乙 13912340012")
    click(browser, By.CSS_SELECTOR, "main button.primary")
    for worker in ["台账工友甲", "台账工友乙"]:
        Select(in_form(browser, "/claims", "worker")).select_by_visible_text(worker)
        Select(in_form(browser, "/claims", "head")).select_by_value("unpaid_wages")
        in_form(browser, "/claims", "claimed").send_keys("1000")
        click(browser, By.CSS_SELECTOR, "form[action$='/claims'] button.primary")
    for worker in ["台账工友甲", "台账工友乙"]:
        Select(in_form(browser, "/agreements", "agreed_claim")).select_by_visible_text(f"{worker} · 拖欠工资")
        in_form(browser, "/agreements", "agreed").send_keys("1000")
        Select(in_form(browser, "/agreements", "source")).select_by_value("settlement")
        click(browser, By.CSS_SELECTOR, "form[action$='/agreements'] button.primary")

    Select(in_form(browser, "/payments", "claim")).select_by_visible_text("台账工友甲 · 拖欠工资")
    in_form(browser, "/payments", "amount").send_keys("1500")
    click(browser, By.CSS_SELECTOR, "form[action$='/payments'] button.primary")
    assert "超过此项诉求尚欠的金额" in browser.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "¥1,500.00" not in browser.find_element(By.ID, "workers").text
    in_form(browser, "/payments", "confirm_excess").click()
    click(browser, By.CSS_SELECTOR, "form[action$='/payments'] button.primary")

    rows = {row.get_attribute("data-worker"): row.text for row in
            browser.find_elements(By.CSS_SELECTOR, "#workers tbody tr")}
    assert "¥1,500.00" in rows["台账工友甲"] and "多付 ¥500.00" in rows["台账工友甲"]
    assert "¥1,000.00" in rows["台账工友乙"]
    total = browser.find_element(By.CSS_SELECTOR, "#workers tfoot").text
    assert "¥1,000.00" in total and "多付 ¥500.00" in total and "¥2,000.00" in total


def test_case_page_shows_the_case_first_on_a_pc_and_a_phone(browser, server):
    """The header (stage, next step, money) and the menu of sections come first; every action is closed
    until asked for; on a 360 px phone nothing is wider than the screen."""
    try:
        for width in (1366, 360):
            browser.set_window_size(width, 900)
            browser.delete_all_cookies()
            sign_in(browser, server, "caseworker")
            open_demo_case(browser)
            header = browser.find_element(By.ID, "header").text
            assert "下次跟进" in header and "主张" in header and "未付" in header, header
            sections = [a.get_attribute("href").split("#")[1]
                        for a in browser.find_elements(By.CSS_SELECTOR, "nav.case-sections a")]
            assert sections == ["workers", "ledger", "deadlines", "mediation", "respondents", "assignees", "files", "timeline"]
            for anchor in sections:
                assert browser.find_element(By.ID, anchor)
            assert not browser.find_elements(By.CSS_SELECTOR, "details.action[open]")
            assert not browser.find_element(By.CSS_SELECTOR, "form[action$='/payments'] [name='amount']").is_displayed()
            open_action(browser, "/payments")
            assert browser.find_element(By.CSS_SELECTOR, "form[action$='/payments'] [name='amount']").is_displayed()
            assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    finally:
        browser.set_window_size(1366, 900)
