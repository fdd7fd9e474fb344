"""axe-core (bundled with axe-selenium-python; nothing is fetched) checks the pages people work in every
day: no serious or critical accessibility violation on the intake, contact, case, calculator, home,
transparency and feedback pages."""
import re
import urllib.parse

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

from test_admin_in_browser import click, open_demo_case, sign_in


def serious_violations(browser):
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    found = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    return found, axe.report(found) if found else ""


def check(browser, name):
    found, report = serious_violations(browser)
    assert not found, f"{name} ({browser.current_url}):\n{report}"


def test_daily_pages_have_no_serious_violation(browser, server):
    sign_in(browser, server, "caseworker")
    check(browser, "home")
    browser.get(server.url + "/intake")
    check(browser, "intake")
    browser.get(server.url + "/contacts")
    click(browser, By.CSS_SELECTOR, "main table a[href^='/contacts/']")
    check(browser, "contact")
    open_demo_case(browser)
    check(browser, "case")
    query = urllib.parse.urlencode({"situation": "dismissed", "region": "上海", "start": "2022-01-01",
                                    "end": "2025-07-31", "average_wage": "8000"})
    browser.get(server.url + "/calculator?" + query)
    check(browser, "calculator")
    click(browser, By.CSS_SELECTOR, ".logout button")
    sign_in(browser, server, "ngoadmin")
    browser.get(server.url + "/partners")
    partner = re.search(r'href="(/partners/[0-9a-f-]{36})"', browser.page_source).group(1)
    browser.get(server.url + partner)
    voice = re.search(r"/voice/[0-9a-f-]{36}", browser.page_source).group(0)
    click(browser, By.CSS_SELECTOR, ".logout button")
    browser.get(server.url + voice)
    check(browser, "feedback form")
    browser.get(server.url + "/transparency")
    check(browser, "transparency")
