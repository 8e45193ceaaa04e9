"""Starts slirp4netns in the user namespace that owns a sandbox's network namespace.

    python3 slirp-join.py /proc/<pid>/ns/net slirp4netns [its options...]

bwrap nests a second user namespace inside the sandbox's (to drop to the step's uid), so the one
/proc/<pid>/ns/user shows is not the one that owns the network namespace, and slirp4netns, which
must join the owner to configure the network, would be refused. The kernel names the owner
(ioctl NS_GET_USERNS); slirp4netns gets it as an inherited file descriptor.
"""
import fcntl
import os
import sys

NS_GET_USERNS = 0xB701

net = os.open(sys.argv[1], os.O_RDONLY)
owner = fcntl.ioctl(net, NS_GET_USERNS)
os.set_inheritable(owner, True)
os.execvp(sys.argv[2], [sys.argv[2], "--userns-path=/proc/self/fd/%d" % owner] + sys.argv[3:])
