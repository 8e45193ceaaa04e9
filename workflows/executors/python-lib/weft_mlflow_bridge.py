"""Lets ``import mlflow`` in a sandboxed step reach Weft's MLflow API.

A step in a network namespace of its own cannot reach web on the host's loopback. The pool
worker serves an HTTP proxy on a unix socket that the sandbox shows at ``WEFT_MLFLOW_SOCKET``
(workflows/sandbox/mlflow-bridge.ts); this module listens on a loopback port of the step's own
namespace, forwards every connection to that socket, and points ``MLFLOW_TRACKING_URI`` at the
port. It runs when the step's interpreter starts (sitecustomize) or is forked (weft_forkserver),
in daemon threads that end with the step.

Standard library only, as weft_step.
"""

import os
import socket
import threading

CHUNK = 64 * 1024


def start():
    """Starts the forwarder when the step has a bridge socket; sets MLFLOW_TRACKING_URI. Idempotent."""
    path = os.environ.get("WEFT_MLFLOW_SOCKET")
    if not path or os.environ.get("MLFLOW_TRACKING_URI"):
        return
    try:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
    except OSError:
        return  # no loopback here: the step runs without MLflow, as it would anywhere else
    port = listener.getsockname()[1]
    threading.Thread(target=_accept, args=(listener, path), name="weft-mlflow-bridge", daemon=True).start()
    os.environ["MLFLOW_TRACKING_URI"] = "http://127.0.0.1:%d/mlflow" % port


def _accept(listener, path):
    while True:
        try:
            client, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=_serve, args=(client, path), daemon=True).start()


def _serve(client, path):
    upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        upstream.connect(path)
    except OSError:
        client.close()
        upstream.close()
        return
    back = threading.Thread(target=_pump, args=(upstream, client), daemon=True)
    back.start()
    _pump(client, upstream)
    back.join()
    client.close()
    upstream.close()


def _pump(source, sink):
    """Copies until the source ends, then ends the sink's writing side (HTTP keep-alive works through)."""
    try:
        while True:
            data = source.recv(CHUNK)
            if not data:
                break
            sink.sendall(data)
    except OSError:
        pass
    try:
        sink.shutdown(socket.SHUT_WR)
    except OSError:
        pass
