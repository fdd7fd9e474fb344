"""Loads the peer with COUNT tickets (bulk inserts), one staff user with an API token and a session.
Prints the token, the session cookie and the id of a ticket. Usage: peer_load.py COUNT."""
import random
import sys
from datetime import timedelta

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from helpdesk.models import Queue, Ticket  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

count = int(sys.argv[1])
user = get_user_model().objects.filter(username="bench").first()
if user is None:
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench-only")
queue, _ = Queue.objects.get_or_create(slug="hotline", defaults={"title": "Hotline"})
random.seed(1)
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
topics = ["拖欠工资", "工伤", "没有劳动合同", "加班费", "社保", "解雇"]
existing = Ticket.objects.count()
start = timezone.now() - timedelta(days=3 * 365)
batch = []
for i in range(existing, count):
    name = random.choice(surnames) + random.choice("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚")
    batch.append(Ticket(
        title=f"{name} · {random.choice(topics)}", queue=queue, submitter_email=f"worker{i}@example.org",
        description=f"{name}来电：{random.choice(topics)}，工地在{random.choice(['北京', '深圳', '成都', '东莞'])}。",
        status=random.choice([1, 1, 3, 4]), priority=3,
        created=start + timedelta(seconds=i * (3 * 365 * 86400 // max(count, 1))),
        modified=start + timedelta(seconds=i * (3 * 365 * 86400 // max(count, 1)))))
    if len(batch) == 5000:
        Ticket.objects.bulk_create(batch)
        batch = []
Ticket.objects.bulk_create(batch)
token, _ = Token.objects.get_or_create(user=user)
client = Client()
client.force_login(user)
print(token.key, client.cookies["sessionid"].value, queue.id, Ticket.objects.order_by("-id").first().id)
