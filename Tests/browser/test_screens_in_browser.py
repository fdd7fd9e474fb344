"""Screenshots of the home pages (each role's work queue) and of a case, on a PC and a 360 px phone.
They are written to HUZHU_SCREENS (docs/screens to refresh the README's pictures), else to a temporary
folder; each page must render its title and content."""
import os
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By

from test_admin_in_browser import open_demo_case, sign_in

PC, PHONE = (1366, 900), (360, 740)


def shoot(browser, folder, name, size):
    browser.set_window_size(*size)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(size[0], min(max(height, size[1]), 4000))
    assert browser.find_element(By.TAG_NAME, "h1").text
    path = folder / f"{name}.png"
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000


def test_home_and_case_pages(browser, server):
    folder = Path(os.environ.get("HUZHU_SCREENS") or tempfile.mkdtemp(prefix="huzhu-screens-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for login in ["caseworker", "supervisor", "ngoadmin", "lawyer", "volunteer", "liaison"]:
            browser.delete_all_cookies()
            browser.set_window_size(*PC)
            sign_in(browser, server, login)
            shoot(browser, folder, f"home-{login}-pc", PC)
            if login in ("caseworker", "volunteer"):
                browser.get(server.url + "/")
                shoot(browser, folder, f"home-{login}-phone", PHONE)
        browser.delete_all_cookies()
        browser.set_window_size(*PC)
        sign_in(browser, server, "caseworker")
        open_demo_case(browser)
        shoot(browser, folder, "case-pc", PC)
        shoot(browser, folder, "case-phone", PHONE)
    finally:
        browser.set_window_size(*PC)
