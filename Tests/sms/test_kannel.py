"""A message to a group of three goes through Kannel to the fake SMSC as UCS-2 for the two who agreed to
texts; Kannel's delivery reports come back; a "TD" reply opts one out, and a question sent by SMS
becomes an inbound contact of the office whose line it was sent to."""
import http.cookiejar
import re
import time
import urllib.error
import urllib.parse
import urllib.request

DEMO_PASSWORD = "huzhu-demo"


class Session:
    """A signed-in person, as a browser without script: cookies, and each form's CSRF token."""

    def __init__(self, url, login):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.post("/login", {"login": login, "password": DEMO_PASSWORD})

    def get(self, path):
        with self.opener.open(self.url + path, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def post(self, path, fields):
        _, page = self.get("/login" if path == "/login" else "/")
        token = re.search(r'name="csrf" value="([^"]+)"', page)[1]
        data = urllib.parse.urlencode({**fields, "csrf": token}).encode()
        try:
            with self.opener.open(self.url + path, data=data, timeout=30) as response:
                return response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            raise AssertionError(f"POST {path} answered {error.code}: {error.read().decode()[-2000:]}") from error


def wait_for(predicate, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.5)
    return predicate()


def test_a_group_message_through_kannel_and_the_replies(gateway):
    server, kannel = gateway
    staff = Session(server.url, "caseworker")
    group_url, _ = staff.post("/groups", {"office": office_id(staff), "name": "短信测试组", "site": "工地"})
    group = group_url.rsplit("/", 1)[1]
    for name, phone, consent in [("甲", "13900139001", True), ("乙", "13900139002", True), ("丙", "13900139003", False)]:
        staff.post(f"/groups/{group}/members", {"full_name": name, "phone": phone, **({"consent_sms": "on"} if consent else {})})

    message_url, page = staff.post("/messages", {"audience": "group", "audience_id": group, "body": "周六晚七点活动室讲欠薪维权", "confirm": "on"})
    assert "/messages/" in message_url, page
    expected = "【小小鸟互助热线】周六晚七点活动室讲欠薪维权 回复TD退订"
    received = wait_for(lambda: sorted(to for to, text in kannel.delivered() if text == expected) or None)
    assert received == ["13900139001", "13900139002"], kannel.delivered()
    # Accepted by the SMSC (dlr-mask 8), then delivered (1), as Kannel reports them.
    assert wait_for(lambda: "已送达 2" in staff.get(message_url.replace(server.url, ""))[1]), staff.get(message_url.replace(server.url, ""))[1]

    # fakesmsc sends one of its messages at random each time: each reply gets a connection of its own.
    kannel.connect_phone("13900139001 01062345678 text TD")
    assert wait_for(lambda: any("你已退订" in text for to, text in kannel.delivered() if to == "13900139001")), kannel.delivered()
    _, preview = staff.post("/messages", {"audience": "group", "audience_id": group, "body": "第二条通知"})
    assert "将发送给 1 名工友" in preview and "1 人已回复退订" in preview, preview
    question = "老板拖欠三个月工资怎么办"
    kannel.connect_phone("13900139002 01062345678 ucs2 " + "".join(f"%{b:02X}" for b in question.encode("utf-16-be")))
    # The question is an inbound SMS contact of the Beijing office, and waits in its callback queue.
    assert wait_for(lambda: "短信" in staff.get("/contacts?channel=sms")[1] and question in contact_page(staff)), contact_page(staff)
    assert "139****9002" in staff.get("/callbacks")[1]


def contact_page(session):
    """The newest SMS contact's page."""
    links = re.findall(r'href="(/contacts/[0-9a-f-]{36})"', session.get("/contacts?channel=sms")[1])
    return session.get(links[0])[1] if links else ""


def office_id(session):
    _, page = session.get("/groups")
    return re.search(r'<option value="([0-9A-F-]{36})"[^>]*selected', page)[1]
