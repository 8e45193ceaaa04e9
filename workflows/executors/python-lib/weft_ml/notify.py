"""Notify: POSTs ``{"text": ...}`` (Slack's incoming-webhook body; other chat tools take it too)
to the URL in a project secret. The text is the configured message with ``{run_id}``,
``{node_id}`` and ``{params.<name>}`` filled in, then one line per upstream report that says
something worth knowing (a verdict, a validation result, drift)."""

import json
import os
import re
import urllib.error
import urllib.request

from .errors import StepError

TITLE = "Notify"
# Only these placeholders, replaced one by one: str.format on a user's text could read attributes.
_PLACEHOLDER = re.compile(r"\{(run_id|node_id|params\.([A-Za-z_][A-Za-z0-9_]*))\}")


def message_text(template, run_params, env):
    def fill(match):
        if match.group(2):
            return str(run_params.get(match.group(2), match.group(0)))
        return env.get("WEFT_RUN_ID" if match.group(1) == "run_id" else "WEFT_NODE_ID", "")

    return _PLACEHOLDER.sub(fill, template)


def upstream_lines(upstream):
    """What the upstream library reports concluded, one line per step."""
    lines = []
    for node, named in sorted(upstream.items()):
        path = named.get("report.json")
        if not path:
            continue
        try:
            with open(path, encoding="utf-8") as f:
                found = json.load(f)
        except (OSError, ValueError):
            continue
        if "verdict" in found:
            lines.append("%s: verdict %s" % (node, found["verdict"]))
        elif "valid" in found:
            lines.append("%s: data %s" % (node, "valid" if found["valid"] else "NOT valid"))
        elif "drifted" in found:
            lines.append("%s: %s" % (node, "drift in " + ", ".join(found.get("drifted_features", [])) if found["drifted"] else "no drift"))
    return lines


def send(url, body, timeout):
    if not url.startswith(("https://", "http://")):
        raise StepError("the webhook secret does not hold an http(s) URL")
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        raise StepError("the webhook answered HTTP %d" % error.code) from None
    except (urllib.error.URLError, OSError) as error:
        # (the reason, never the URL: the URL is the secret)
        raise StepError("could not reach the webhook: %s" % getattr(error, "reason", error)) from None


def main(step):
    config = step.config
    name = config["webhookSecret"]
    url = os.environ.get(name)
    if not url:
        raise StepError("the secret %s is not given to this step: add it to the node's Secrets (and to the project's)" % name)
    lines = [message_text(config["message"], step.run_params, os.environ)] + upstream_lines(step.upstream_files())
    status = send(url, {"text": "\n".join(lines)}, config["timeoutSeconds"])
    step.metric("http_status", status)
    print("notified (HTTP %d): %d line(s)" % (status, len(lines)))
