#!/usr/bin/env bash
# Takes docs/images/statistics.png: the course statistics screen (Ctrl+Shift+T) of a signed-in instructor, from the
# running player under Xvfb and openbox, against a real sync server (embedded PostgreSQL) where the sample course is
# published and five learners have studied it and tried its first review quiz.
#
#   mvn -q -pl desktop-app,sync-server -am -DskipTests package
#   docs/images/take-statistics-screenshot.sh [OUT_FILE]        # default docs/images/statistics.png
#
# Needs xvfb, openbox, xdotool, imagemagick and zip, like take-screenshots.sh. Everything it makes lives in a temporary
# folder, removed at the end; the server listens on 127.0.0.1 only. The server recomputes the figures every minute
# here (SEVENP_STATS_REFRESH_MINUTES=1), so the script waits a little over a minute before the picture.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(realpath -m "${1:-docs/images/statistics.png}")
work=$(mktemp -d /tmp/sevenp-stats-shot.XXXXXX)
port=18093
display=:93
source docs/images/screenshot-common.sh

server_env=(SEVENP_STATS_REFRESH_MINUTES=1)
start_server
register team@example.org "7P Course Team"
grant_instructor team@example.org

# The sample course (its graded exam left out: the player's package carries no answer keys for it), published by
# the team, and learners who got to different lessons and answered the first review quiz.
sample_course "$work/course"
(cd "$work/course" && zip -qr "$work/course.zip" .)
python3 - "$api" "$work/course/manifest.json" "$work/course.zip" <<'PY'
import json, sys, urllib.request, uuid, datetime
api, manifest_path, zip_path = sys.argv[1:]
manifest = json.load(open(manifest_path, encoding="utf-8"))
def call(method, path, body=None, token=None, content_type="application/json"):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(api + path, data=data, method=method)
    request.add_header("X-SevenP-Protocol", "1")
    request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as answer:
        return json.loads(answer.read() or b"null")
def sign_in(email, name=None):
    if name:
        call("POST", "/auth/register", {"email": email, "password": "correct horse battery", "name": name})
    device = str(uuid.uuid4())
    grant = call("POST", "/auth/login", {"email": email, "password": "correct horse battery",
                                         "device": {"id": device, "name": "Script", "platform": "Linux", "appVersion": "1"}})
    return grant["accessToken"], grant["user"]["id"], device
token, _, _ = sign_in("team@example.org")
course = call("POST", "/courses/publish", open(zip_path, "rb").read(), token, "application/zip")["courseId"]
lessons = [lesson["id"] for section in manifest["sections"] for lesson in section["lessons"]]
quiz = manifest["sections"][0]["lessons"][2]["quizzes"][0]
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
stamp = lambda minutes: (now - datetime.timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")
def right(question):
    if question["type"] == "true_false":
        return {"value": question["answer"]}
    if question["type"] == "short_answer":
        return {"text": question["answer"][0]}
    return {"selected": [question["answer"]]}
def wrong(question):
    if question["type"] == "true_false":
        return {"value": not question["answer"]}
    if question["type"] == "short_answer":
        return {"text": "a surrogate key"}
    return {"selected": [next(option for option in question["options"] if option != question["answer"])]}
# name, lessons completed, questions answered wrong (by index)
learners = [("Ana Lima", 11, []), ("Ben Okafor", 7, [1]), ("Chen Wei", 4, [1, 4]), ("Dora Kis", 3, [1, 4, 3]),
            ("Emil Berg", 1, [])]
for index, (name, completed, missed) in enumerate(learners):
    token, user, device = sign_in(name.split()[0].lower() + "@example.org", name)
    call("POST", f"/courses/{course}/enrollment", None, token)
    changes = []
    for position, lesson in enumerate(lessons[:completed]):
        changes.append({"entity": "lesson_progress", "op": "upsert", "id": str(uuid.uuid4()), "payload": {
            "id": str(uuid.uuid4()), "userId": user, "lessonId": lesson, "courseId": course, "status": "completed",
            "progressPercentage": 100, "lastPosition": 0, "timeSpentDelta": 300, "startedAt": stamp(60 - position),
            "completedAt": stamp(59 - position), "lastAccessedAt": stamp(59 - position)}})
    if completed < len(lessons):
        changes.append({"entity": "lesson_progress", "op": "upsert", "id": str(uuid.uuid4()), "payload": {
            "id": str(uuid.uuid4()), "userId": user, "lessonId": lessons[completed], "courseId": course,
            "status": "in_progress", "progressPercentage": 40, "lastPosition": 0, "timeSpentDelta": 120,
            "startedAt": stamp(30), "completedAt": None, "lastAccessedAt": stamp(30)}})
    if completed >= 3:
        responses = {question["id"]: (wrong(question) if number in missed else right(question))
                     for number, question in enumerate(quiz["questions"])}
        changes.append({"entity": "quiz_attempts", "op": "upsert", "id": str(uuid.uuid4()), "payload": {
            "id": str(uuid.uuid4()), "userId": user, "quizId": quiz["id"], "mode": "practice", "attemptNumber": 1,
            "startedAt": stamp(20), "submittedAt": stamp(15), "timeTaken": 300, "responses": responses,
            "practiceScore": None}})
    for seq, change in enumerate(changes, start=1):
        change["seq"] = seq
        change["id"] = change["payload"]["id"]
    answer = call("POST", "/sync/push", {"deviceId": device, "changes": changes}, token)
    refused = [result for result in answer["results"] if result.get("status") == "rejected"]
    if refused:
        sys.exit(f"{name}'s changes were refused: {refused}")
PY

start_screen 1280x900

new_profile team light
sign_in team team@example.org
# The figures from course_statistics are recomputed a minute after the server started.
sleep 70
launch --profile team
timeout 20 xdotool search --sync --onlyvisible --name "7P Course Player" windowactivate --sync >/dev/null
xdotool key --clearmodifiers ctrl+shift+t
sleep 5
import -window root "$out"
echo "wrote $out"
