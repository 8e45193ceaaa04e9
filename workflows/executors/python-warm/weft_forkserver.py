"""Weft's warm Python: one interpreter per pool worker that imports the heavy libraries once and
forks a fresh child for every python step.

A cold ``python3 main.py`` that imports pandas and scikit-learn spends 0.5-2 s importing before
the step's first line runs; a fork of this server starts with them already imported (shared
copy-on-write), in a few milliseconds.

Protocol (JSON lines). The worker writes requests on our stdin::

    {"id": 7, "script": "/scratch/main.py", "cwd": "/scratch", "env": {...}}
    {"id": 8, "argv": ["bash", "-e", "-c", "make data"], "cwd": "/scratch", "env": {...}}
    {"id": 9, "script": "...", "cwd": "...", "env": {...}, "uid": 200009, "gid": 200009}
    {"id": 10, "script": "...", "cwd": "...", "env": {...}, "isolate": {"workDir": ..., "inputs": [...], "hide": [...]}}

(the second form execs a program instead: shell steps start here too, so that they also die
with their worker; with uid and gid, a root server's child becomes that user, with no
supplementary groups, before anything of the step runs; with isolate, the server runs in a
bubblewrap sandbox and the child takes namespaces of its own first: weft_isolate.py), and

    {"kill": 7}

to cancel a step (its process group is killed: the worker cannot, as in a sandbox the step's
pids are not the host's)

and reads on our stdout::

    {"ready": true, "preloaded": ["numpy", ...], "failed": {...}}   once, after preloading
    {"id": 7, "out": "text"}                                        its stdout and stderr, in order
    {"id": 7, "exit": 0, "signal": null}                           it ended (after its output)

Each child is the leader of its own session and process group (the worker kills the group to
cancel a step), sees exactly the environment of the request, and has its own random seeds. When
our stdin closes (the worker exited, even by SIGKILL) every child's group is killed and we exit,
so no step outlives its worker.

The server is single-threaded (a fork of a multi-threaded process can deadlock), and must stay
so: only the preloaded libraries' own pools exist, and OpenBLAS parks its threads around fork.
"""

import atexit
import codecs
import gc
import importlib
import json
import os
import selectors
import signal
import sys
import traceback
import types

import weft_isolate
import weft_mlflow_bridge

READ_CHUNK = 64 * 1024


def main():
    # Our stdout is the protocol; nothing printed by a preloaded module may corrupt it.
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 1)
    os.close(devnull)
    preloaded, failed = preload(os.environ.get("WEFT_PYTHON_PRELOAD", ""))
    # The preloaded objects move to a generation the collector never scans, so that a child's
    # collections do not write to (and so copy) the pages it shares with us.
    gc.freeze()
    send(proto, {"ready": True, "preloaded": preloaded, "failed": failed})
    Server(proto).serve()


def preload(names):
    """Imports the configured modules; one that is missing is reported, not fatal."""
    preloaded, failed = [], {}
    for name in [n.strip() for n in names.split(",") if n.strip()]:
        try:
            importlib.import_module(name)
            preloaded.append(name)
        except Exception as error:  # a pool's interpreter may lack a library: steps import it themselves
            failed[name] = "%s: %s" % (type(error).__name__, error)
    return preloaded, failed


def send(proto, message):
    proto.write(json.dumps(message) + "\n")


class Server:
    def __init__(self, proto):
        self.proto = proto
        self.selector = selectors.DefaultSelector()
        self.children = {}  # pid -> Child
        self.pending = b""
        os.set_blocking(0, False)
        self.selector.register(0, selectors.EVENT_READ, self.on_request)

    def serve(self):
        while True:
            for key, _ in self.selector.select():
                key.data(key.fileobj)

    def on_request(self, fd):
        data = os.read(fd, READ_CHUNK)
        if not data:
            self.shutdown()
        self.pending += data
        *lines, self.pending = self.pending.split(b"\n")
        for line in lines:
            if line.strip():
                request = json.loads(line)
                if "kill" in request:
                    self.kill(request["kill"])
                else:
                    self.start(request)

    def start(self, request):
        read_end, write_end = os.pipe()
        self.proto.flush()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            run_child(request, write_end)  # never returns
        os.close(write_end)
        child = Child(request["id"], pid, read_end, os.pidfd_open(pid))
        self.children[pid] = child
        self.selector.register(read_end, selectors.EVENT_READ, lambda fd: self.on_output(child))
        self.selector.register(child.pidfd, selectors.EVENT_READ, lambda fd: self.on_exit(child))

    def kill(self, id):
        """Cancels a step: its whole process group (a step in its own pid namespace dies with its pid 1)."""
        for child in self.children.values():
            if child.id == id:
                kill_group(child.pid)

    def on_output(self, child):
        data = os.read(child.out, READ_CHUNK)
        if data:
            send(self.proto, {"id": child.id, "out": child.decoder.decode(data)})
            return
        self.selector.unregister(child.out)
        os.close(child.out)
        child.out = None
        self.finish(child)

    def on_exit(self, child):
        self.selector.unregister(child.pidfd)
        os.close(child.pidfd)
        child.pidfd = None
        _, status = os.waitpid(child.pid, 0)
        child.status = os.waitstatus_to_exitcode(status)
        # Whatever the step left running in its group goes with it; this also closes the
        # output pipe that a background grandchild may still hold.
        kill_group(child.pid)
        self.finish(child)

    def finish(self, child):
        """Reports the exit once the process has ended and all of its output has been sent."""
        if child.out is not None or child.status is None:
            return
        tail = child.decoder.decode(b"", final=True)
        if tail:
            send(self.proto, {"id": child.id, "out": tail})
        code = child.status
        send(self.proto, {"id": child.id, "exit": code if code >= 0 else None, "signal": None if code >= 0 else signal.Signals(-code).name})
        del self.children[child.pid]

    def shutdown(self):
        for pid in list(self.children):
            kill_group(pid)
        sys.exit(0)


class Child:
    def __init__(self, id, pid, out, pidfd):
        self.id, self.pid, self.out, self.pidfd = id, pid, out, pidfd
        self.status = None
        self.decoder = codecs.getincrementaldecoder("utf-8")("backslashreplace")


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_child(request, output_fd):
    """In the forked child: become a fresh step process, run the script as __main__, exit."""
    code = 1
    try:
        os.setsid()
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGPIPE):
            signal.signal(signum, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(output_fd, 1)
        os.dup2(output_fd, 2)
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))  # the server's pipes and other steps' outputs
        if "isolate" in request:
            weft_isolate.enter(request["isolate"])
        if "uid" in request:
            # groups first: once the uid is not root, they cannot be changed any more
            os.setgroups([])
            os.setgid(request["gid"])
            os.setuid(request["uid"])
        sys.stdin = open(0, "r", closefd=False)
        sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)
        os.chdir(request["cwd"])
        if "argv" in request:
            argv = request["argv"]
            os.execvpe(argv[0], argv, request["env"])  # replaces this process; raises if it cannot
        os.environ.clear()
        os.environ.update(request["env"])
        weft_mlflow_bridge.start()  # (a fork does not run sitecustomize again)
        script = request["script"]
        sys.argv = [script]
        # as `python3 script.py` would have it: the script's directory first, then PYTHONPATH and site
        sys.path[:] = [os.path.dirname(script)] + sys.path[1:]
        reseed()
        code = 0
        run_as_main(script)
    except SystemExit as exit:
        code = exit_code(exit.code)
    except BaseException:
        traceback.print_exc()
        code = 1
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def run_as_main(script):
    """Runs the file as `python3 script.py` does: a fresh __main__ module (so that pickling what
    it defines works) executing the file's code. (runpy.run_path costs ~13 ms per step in imports.)"""
    main = types.ModuleType("__main__")
    main.__file__ = script
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    with open(script, "rb") as source:
        code = compile(source.read(), script, "exec")
    exec(code, main.__dict__)


def exit_code(value):
    """sys.exit's argument as a process status, as the interpreter itself maps it."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value & 0xFF
    print(value, file=sys.stderr)
    return 1


def reseed():
    """Every step draws its own random numbers, as a fresh process would (fork copies the state).
    The standard library's `random` reseeds itself after fork; numpy's global generator does not."""
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()


if __name__ == "__main__":
    main()
