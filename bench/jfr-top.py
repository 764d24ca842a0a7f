#!/usr/bin/env python3
"""Top frames of the request threads in a JFR recording, for bench/site-bench.sh.

Usage: jfr print --stack-depth 96 --events jdk.ExecutionSample,jdk.NativeMethodSample x.jfr \
         | bench/jfr-top.py FILTER [N]

Counts only samples whose stack contains FILTER (e.g. "ArticlePages.show", the article route), so
idle and background threads do not dilute the picture. Java and native samples are counted
together: gzip's deflate runs in native code, which Java samples alone never show. Prints the N
most frequent top frames (self time) and the N heaviest dev.byline frames (inclusive).
"""
import collections
import re
import sys

flt = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
stacks, cur = [], None
for line in sys.stdin:
    s = line.strip()
    if s.startswith("stackTrace = ["):
        cur = []
    elif cur is not None:
        if s.startswith("]"):
            stacks.append(cur)
            cur = None
        elif s != "...":
            cur.append(re.sub(r"\(.*", "", s))
stacks = [st for st in stacks if st and any(flt in f for f in st)]
total = len(stacks)
print(f"  {total} samples in request threads")
if not total:
    sys.exit(0)
print("  self:")
for frame, c in collections.Counter(st[0] for st in stacks).most_common(n):
    print(f"    {100 * c / total:5.1f}%  {frame}")
inclusive = collections.Counter()
for st in stacks:
    for frame in set(st):
        if frame.startswith("dev.byline.") and flt not in frame:
            inclusive[frame] += 1
print("  inclusive (dev.byline):")
shown = 0
for frame, c in inclusive.most_common():
    if any(k in frame for k in ("BeaconHandler", "CachedPageHandler.handle", "PageCache.serve",
                                "lambda$")):
        continue
    print(f"    {100 * c / total:5.1f}%  {frame}")
    shown += 1
    if shown == n:
        break
