"""The huzhu executable's commands, run as an operator would, against the demo server's database."""
import datetime
import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path


def me(server, token):
    request = urllib.request.Request(server.url + "/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_demo_prints_where_to_open_and_the_accounts(server):
    output = server.output()
    assert f"http://127.0.0.1:{server.port}/" in output
    assert "admin" in output and "huzhu-demo" in output
    # The address comes after the accounts, and no migration step is logged before them.
    assert output.index("huzhu-demo") < output.index(f"http://127.0.0.1:{server.port}/")
    assert "Migrator" not in output and "Starting prepare" not in output


def test_demo_publishes_last_months_figures(server):
    today = datetime.date.today()
    last = (today.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    with urllib.request.urlopen(server.url + "/transparency", timeout=10) as response:
        page = response.read().decode()
    assert last in page


def test_user_create_and_token_create(server):
    created = server.command("user", "create", "--login", "ops.admin", "--name", "运维", "--role", "network_admin")
    assert created.returncode == 0, created.stderr
    assert "Password:" in created.stdout

    token = server.command("token", "create", "--user", "ops.admin", "--name", "monitoring")
    assert token.returncode == 0, token.stderr
    secret = token.stdout.strip().splitlines()[-1]
    assert secret.startswith("hz_")
    assert me(server, secret)["login"] == "ops.admin"


def test_commands_refuse_bad_input_clearly(server):
    bad_role = server.command("user", "create", "--login", "x.y", "--name", "X", "--role", "king")
    assert bad_role.returncode != 0
    assert "--role must be one of" in bad_role.stderr + bad_role.stdout
    unknown = server.command("token", "create", "--user", "nobody", "--name", "x")
    assert unknown.returncode != 0


def test_malformed_secret_key_refuses_to_start(server):
    env = dict(server.env, HUZHU_SECRET_KEY="not-a-key")
    import subprocess
    result = subprocess.run([server.binary, "migrate", "--yes"], env=env, cwd=server.data, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode != 0
    assert "HUZHU_SECRET_KEY must be 32 random bytes" in result.stderr


def test_api_refuses_bad_token_in_json(server):
    try:
        me(server, "hz_wrong")
        raise AssertionError("accepted a wrong token")
    except urllib.error.HTTPError as error:
        assert error.code == 401
        assert json.load(error)["error"]["code"] == "unauthenticated"


def test_openapi_document_is_valid(server):
    from openapi_spec_validator import validate
    with urllib.request.urlopen(server.url + "/api/v1/openapi.json", timeout=10) as response:
        document = json.load(response)
    validate(document)
    assert "/api/v1/telephony/events" in document["paths"]


def test_indicators_verify_checks_a_snapshot_file(server, tmp_path):
    import hashlib
    figures = {key: 0 for key in ["human_input_hours", "hotline_calls", "visits", "online_consultations", "cases_accepted",
                                  "mediation_agreements", "workers_recovering_wages", "amount_recovered_fen",
                                  "direct_beneficiaries", "training_participants"]}
    figures.update(hotline_calls=34457, amount_recovered_fen=10099818296)
    fields = dict(figures, definition_version=1, period_from="2026-10-01", period_to="2026-11-01", scope="network")
    canonical = "{" + ",".join(f'"{key}":{json.dumps(value)}' for key, value in sorted(fields.items())) + "}"
    snapshot = {"id": "00000000-0000-0000-0000-000000000001", "scope": "network", "period_kind": "month",
                "period_from": "2026-10-01", "period_to": "2026-11-01", "definition_version": 1, "figures": figures,
                "self_reported": False, "published_at": "2026-11-02T00:00:00Z", "publisher": "x", "canonical": canonical,
                "digest": hashlib.sha256(canonical.encode()).hexdigest()}
    good = tmp_path / "good.json"
    good.write_text(json.dumps(snapshot))
    checked = server.command("indicators", "verify", str(good))
    assert checked.returncode == 0, checked.stderr + checked.stdout
    assert "OK" in checked.stdout

    snapshot["figures"]["amount_recovered_fen"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(snapshot))
    refused = server.command("indicators", "verify", str(bad))
    assert refused.returncode != 0
    assert "figures" in refused.stderr + refused.stdout


def test_backup_while_serving_and_restore_into_a_new_directory(server, tmp_path):
    archive = tmp_path / "huzhu.backup"
    backup = server.command("backup", "--to", str(archive))
    assert backup.returncode == 0, backup.stderr
    assert "keys are not in the backup" in backup.stdout
    digest = server.command("digest")
    assert digest.returncode == 0, digest.stderr

    target = tmp_path / "restored"
    target.mkdir()
    env = dict(server.env, HUZHU_DATA_DIR=str(target))
    run = lambda *args: subprocess.run([server.binary, *args], env=env, cwd=target, capture_output=True, text=True, timeout=120)
    refused = run("restore", "--from", str(archive))  # new keys were made for the new directory: not the backup's
    assert refused.returncode != 0 and "other keys" in refused.stderr
    assert not (target / "huzhu.sqlite").exists()
    for key in ("huzhu.key", "huzhu-network.key"):
        shutil.copy(Path(server.data) / key, target / key)
    restored = run("restore", "--from", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert "digest matches" in restored.stdout
    copy = run("digest")
    assert copy.returncode == 0, copy.stderr
    assert copy.stdout == digest.stdout  # nothing was written to the demo since the backup


def test_keys_new_then_rotate_on_a_copy(server, tmp_path):
    archive = tmp_path / "copy.backup"
    assert server.command("backup", "--to", str(archive)).returncode == 0
    copy = tmp_path / "copy"
    copy.mkdir()
    for key in ("huzhu.key", "huzhu-network.key"):
        shutil.copy(Path(server.data) / key, copy / key)
    env = dict(server.env, HUZHU_DATA_DIR=str(copy))
    run = lambda *args: subprocess.run([server.binary, *args], env=env, cwd=copy, capture_output=True, text=True, timeout=120)
    assert run("restore", "--from", str(archive)).returncode == 0
    refused = run("keys", "rotate")
    assert refused.returncode != 0 and "No previous key" in refused.stderr + refused.stdout
    old = (copy / "huzhu.key").read_text()
    new = run("keys", "new")
    assert new.returncode == 0, new.stderr
    assert (copy / "huzhu-previous.key").read_text() == old and (copy / "huzhu.key").read_text() != old
    rotated = run("keys", "rotate")
    assert rotated.returncode == 0, rotated.stderr
    assert "worker_phones.cipher: " in rotated.stdout and "every protected field is under the current key" in rotated.stdout
    assert run("keys", "new").returncode != 0  # a rotation is under way until the previous key is removed
    again = run("keys", "rotate")
    assert again.returncode == 0 and again.stdout.strip().endswith("restart the server.") and "\n0 values re-encrypted" in "\n" + again.stdout.splitlines()[-1]
