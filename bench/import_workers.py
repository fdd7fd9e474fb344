#!/usr/bin/env python3
"""Times the import of a worker list through the web pages, as a supervisor would do it: upload,
preview (every row checked), commit. Usage: import_workers.py BASE_URL ROWS."""
import os
import random
import re
import sys
import time

import requests


def form_token(page):
    """The CSRF token the page's forms carry (it is bound to the session, so it changes at sign-in)."""
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def main(base, rows):
    session = requests.Session()
    session.post(base + "/login", data={"login": os.environ.get("HUZHU_BENCH_LOGIN", "supervisor"), "password": "huzhu-demo",
                                        "csrf": form_token(session.get(base + "/login"))}, allow_redirects=False)
    csrf = form_token(session.get(base + "/"))
    random.seed()
    # 199 is a prefix the generator never uses; a window of its own in each run, so that a reused
    # database takes a new list.
    offset = random.randrange(10**8)
    lines = ["姓名,手机号码,性别,现居城市,工作单位"]
    for i in range(rows):
        lines.append(f"工友{i},199{(offset + i) % 10**8:08d},{random.choice(['男', '女'])},北京,某建筑公司{i % 50}")
    data = "\r\n".join(lines).encode("utf-8")

    started = time.perf_counter()
    response = session.post(base + "/workers/import", data={"csrf": csrf},
                            files={"file": ("list.csv", data, "text/csv")}, allow_redirects=False)
    upload = time.perf_counter() - started
    path = response.headers["location"]
    started = time.perf_counter()
    response = session.get(base + path + "?preview=1")
    preview = time.perf_counter() - started
    assert f"可以导入：{rows} 行" in response.text, "preview did not accept every row"
    fields = {"csrf": csrf, "map_full_name": "0", "map_phones": "1", "map_gender": "2", "map_current_city": "3",
              "map_employer": "4"}
    started = time.perf_counter()
    response = session.post(base + path, data=fields)
    commit = time.perf_counter() - started
    assert re.search(f"已导入 {rows} 位工友", response.text), "not every row was imported"
    print(f"rows={rows} bytes={len(data)} upload_s={upload:.2f} preview_s={preview:.2f} commit_s={commit:.2f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
