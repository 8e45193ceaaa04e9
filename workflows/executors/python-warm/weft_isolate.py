"""Gives a forked step its own sandbox inside the warm interpreter's bubblewrap sandbox.

The warm interpreter (weft_forkserver.py) runs in one bubblewrap sandbox per pool worker, which
shows it every step's scratch directory and the artifact store. A fork of it would share all of
that with the steps beside it, so before a step's code runs, its child takes namespaces of its
own, as bubblewrap would for a cold step:

- user: a new user namespace owned by the sandbox's uid (and so by nothing on the host), in which
  the step is that same uid and, once its setup is done, holds no capability at all;
- mount: a tmpfs over the scratch root and over the store, its own scratch directory put back,
  its inputs read-only bind mounts of the stored files, a fresh /tmp;
- pid: it is pid 1 of a namespace of its own, with its own /proc: no other step's processes;
- ipc and uts.

The network is the warm sandbox's (slirp4netns: the internet, not the host's loopback), shared by
the steps of one worker.
"""

import ctypes
import os
import signal

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MNT_DETACH = 2

PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38
LINUX_CAPABILITY_VERSION_3 = 0x20080522
LAST_CAP = 63

libc = ctypes.CDLL(None, use_errno=True)


def check(result, what):
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, "%s: %s" % (what, os.strerror(errno)))


def mount(source, target, fstype, flags, data=None):
    check(libc.mount(source and source.encode(), target.encode(), fstype and fstype.encode(), ctypes.c_ulong(flags), data and data.encode()), "mount %s" % target)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def enter(spec):
    """In the forked child, before anything of the step runs. Returns in the step's process (pid 1
    of its namespace); the child that called it waits there and exits with the step's status."""
    uid, gid = os.getuid(), os.getgid()
    check(libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS), "unshare")
    write("/proc/self/setgroups", "deny")
    write("/proc/self/uid_map", "%d %d 1" % (uid, uid))
    write("/proc/self/gid_map", "%d %d 1" % (gid, gid))
    mount(None, "/", None, MS_REC | MS_PRIVATE)

    # Everything the step keeps (its scratch directory, the shared directories, the venv where it
    # lies under /tmp) is bind-mounted onto a private stage, the inputs into the staged scratch
    # directory; then the scratch root, the store and /tmp are covered by empty tmpfs, and what
    # was staged is put back in place (read-only what was read-only).
    stage = spec["stage"]
    mount("tmpfs", stage, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0700")
    work = spec["workDir"]
    carried = [(work, os.path.join(stage, "work"))]
    carried += [(kept, os.path.join(stage, "keep%d" % i)) for i, kept in enumerate(spec.get("keep", []))]
    read_only = [(kept, os.path.join(stage, "ro%d" % i)) for i, kept in enumerate(spec.get("keepReadOnly", []))]
    carried += read_only
    for source, staged in carried:
        os.mkdir(staged)
        mount(source, staged, None, MS_BIND | MS_REC)
    for m in spec.get("inputs", []):
        staged = os.path.join(stage, "work", os.path.relpath(m["dest"], work))
        os.makedirs(os.path.dirname(staged), exist_ok=True)
        open(staged, "a").close()
        mount(m["source"], staged, None, MS_BIND)
        mount(None, staged, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    for hidden in spec.get("hide", []):
        mount("tmpfs", hidden, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755")
    mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
    for source, staged in carried:
        os.makedirs(source, exist_ok=True)
        mount(staged, source, None, MS_BIND | MS_REC)
    for source, _ in read_only:
        mount(None, source, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)
    check(libc.umount2(stage.encode(), MNT_DETACH), "umount stage")
    libc.sethostname(b"weft-step", 9)

    pid = os.fork()
    if pid != 0:
        wait_for_step(pid)  # never returns
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    drop_capabilities()


def wait_for_step(pid):
    """The step is pid 1 of its namespace: when it ends, everything in it ends. Its status is
    ours: its exit code, or the signal that killed it (sent to ourselves, as it came)."""
    try:
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
    except BaseException:
        code = 1
    if code < 0:
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    os._exit(code if code >= 0 else 1)


class CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def drop_capabilities():
    """The new user namespace gave this process every capability in it: none is left, and none
    can come back (no new privileges, an empty bounding set)."""
    check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    for cap in range(LAST_CAP + 1):
        libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)  # EINVAL past the kernel's last capability
    header = CapHeader(LINUX_CAPABILITY_VERSION_3, 0)
    data = (CapData * 2)()
    check(libc.capset(ctypes.byref(header), data), "capset")
