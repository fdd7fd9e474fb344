"""A caseworker works out a worker's double wages with the calculator from a case, in a real Chromium,
and saves the result as the worker's claim."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_admin_in_browser import click, open_demo_case, sign_in


def test_calculation_saved_to_a_case(browser, server):
    sign_in(browser, server, "caseworker")
    open_demo_case(browser)
    click(browser, By.LINK_TEXT, "用计算器算出诉求")
    click(browser, By.LINK_TEXT, "没签劳动合同")

    start = browser.find_element(By.ID, "field-start")
    browser.execute_script("arguments[0].value = '2011-01-01'", start)
    browser.find_element(By.ID, "field-monthly_wage").send_keys("2000")
    click(browser, By.CSS_SELECTOR, "form.calculator button.primary")
    row = browser.find_element(By.CSS_SELECTOR, "#money tr[data-item='double_wages']").text
    assert "¥22,000.00" in row and "《劳动合同法》第10、82条" in row
    assert "用工满一年未签合同" in row

    Select(browser.find_element(By.ID, "field-worker")).select_by_visible_text("王大山")
    click(browser, By.CSS_SELECTOR, "#results form button.primary")
    ledger = browser.find_element(By.ID, "ledger").text
    assert "未签合同二倍工资" in ledger and "¥22,000.00" in ledger
