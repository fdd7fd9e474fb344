"""An operator records two calls from the same worker in a real Chromium; the second call shows the first."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_admin_in_browser import click, sign_in


def test_second_call_shows_the_first(browser, server):
    sign_in(browser, server, "volunteer")
    click(browser, By.LINK_TEXT, "来电登记")

    # First call: an unknown number, a new worker typed in place.
    browser.find_element(By.ID, "field-phone").send_keys("139 1234 5678")
    click(browser, By.CSS_SELECTOR, "form.lookup button")
    assert "这个号码还没有记录" in browser.find_element(By.CLASS_NAME, "lookup-results").text
    browser.find_element(By.ID, "field-full_name").send_keys("浏览器工友")
    browser.find_element(By.ID, "field-topics-0").click()
    browser.find_element(By.ID, "field-summary").send_keys("第一次来电：老板拖欠两个月工资")
    Select(browser.find_element(By.ID, "field-outcome")).select_by_value("advice")
    click(browser, By.CSS_SELECTOR, ".intake-form button.primary")
    notice = browser.find_element(By.CSS_SELECTOR, ".notice.done").text
    assert "已保存" in notice

    # Second call: the same number typed differently finds the worker and the first call.
    browser.find_element(By.ID, "field-phone").clear()
    browser.find_element(By.ID, "field-phone").send_keys("+86-13912345678")
    click(browser, By.CSS_SELECTOR, "form.lookup button")
    results = browser.find_element(By.CLASS_NAME, "lookup-results").text
    assert "浏览器工友" in results
    assert "第一次来电：老板拖欠两个月工资" in results
    assert browser.find_element(By.ID, "field-subject-0").is_selected()
    browser.find_element(By.ID, "field-topics-0").click()
    browser.find_element(By.ID, "field-summary").send_keys("第二次来电：老板答应月底付")
    click(browser, By.CSS_SELECTOR, ".intake-form button.primary")
    assert "已保存" in browser.find_element(By.CSS_SELECTOR, ".notice.done").text

    click(browser, By.LINK_TEXT, "联系记录")
    rows = browser.find_element(By.TAG_NAME, "tbody").text
    assert "第一次来电" in rows and "第二次来电" in rows


def test_screenpop_script_is_served_and_allowed(browser, server):
    sign_in(browser, server, "caseworker")
    box = browser.find_element(By.ID, "screenpop")
    assert box.get_attribute("data-events") == "/intake/events"
    scripts = [s.get_attribute("src") for s in browser.find_elements(By.TAG_NAME, "script")]
    assert any("/static/screenpop-" in src for src in scripts)
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors


def test_ringing_call_pops_up_on_the_operators_page(browser, server):
    import hashlib
    import hmac
    import json
    import time
    import urllib.request
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    # The NGO admin registers the Shenzhen hotline and reads its secret, shown once.
    sign_in(browser, server, "ngoadmin")
    browser.get(server.url + "/admin/lines")
    Select(browser.find_element(By.ID, "field-office")).select_by_visible_text("SZ 深圳办公室")
    browser.find_element(By.ID, "field-number").send_keys("0755-88886666")
    browser.find_element(By.ID, "field-name").send_keys("深圳热线")
    click(browser, By.CSS_SELECTOR, "main button.primary")
    secret = browser.find_element(By.CSS_SELECTOR, "code.secret").text
    browser.delete_all_cookies()

    # A Shenzhen caseworker has any page open when the PBX reports a ringing call. The page's event
    # stream connects by itself a moment after loading: ring again until it has.
    sign_in(browser, server, "sz.caseworker")
    notice = None
    for attempt in range(10):
        call_id = f"e2e-{attempt}"
        body = json.dumps({"event": "ringing", "call_id": call_id, "caller": "+86 139 1234 5678",
                           "line": "0755-88886666", "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}).encode()
        stamp = str(int(time.time()))
        signature = hmac.new(secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(server.url + "/api/v1/telephony/events", data=body, method="POST", headers={
            "Content-Type": "application/json", "X-Huzhu-Timestamp": stamp, "X-Huzhu-Signature": "sha256=" + signature})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.load(response)["status"] == "ok"
        try:
            notice = WebDriverWait(browser, 2).until(
                expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, "#screenpop .screenpop-call")))
            break
        except TimeoutException:
            continue
    assert notice is not None, "no screen-pop appeared"
    assert "139****5678" in notice.text
    assert "浏览器工友" in notice.text  # recorded by the Beijing volunteer in the first test: same NGO
    click(browser, By.CSS_SELECTOR, "#screenpop .screenpop-call a")
    assert "浏览器工友" in browser.find_element(By.CLASS_NAME, "lookup-results").text
    assert browser.find_element(By.NAME, "call_id").get_attribute("value") == call_id


def test_a_known_worker_typed_without_lookup_is_caught(browser, server):
    """A number typed into the new-worker section, without pressing "look up", that the NGO already
    knows stops saving and asks: the same person, or a different one."""
    sign_in(browser, server, "caseworker")

    def record(name, phones, summary):
        browser.get(server.url + "/intake")
        browser.find_element(By.ID, "field-full_name").send_keys(name)
        browser.find_element(By.ID, "field-phones").send_keys(phones)
        browser.find_element(By.ID, "field-topics-0").click()
        browser.find_element(By.ID, "field-summary").send_keys(summary)
        click(browser, By.CSS_SELECTOR, ".intake-form button.primary")

    record("重复检查甲", "13912349999", "第一次：工资没发")
    assert "已保存" in browser.find_element(By.CSS_SELECTOR, ".notice.done").text
    record("重复检查乙", "139-1234-9999", "第二次：换了名字来电")
    choice = browser.find_element(By.ID, "field-use_worker").text
    assert "同一人：重复检查甲" in choice and "不是同一人" in choice
    assert not browser.find_elements(By.CSS_SELECTOR, ".notice.done")
    browser.find_element(By.ID, "field-use_worker-0").click()
    click(browser, By.CSS_SELECTOR, ".intake-form button.primary")
    assert "已保存" in browser.find_element(By.CSS_SELECTOR, ".notice.done").text
    click(browser, By.CSS_SELECTOR, ".notice.done a")
    assert "重复检查甲" in browser.find_element(By.TAG_NAME, "main").text
