#!/usr/bin/env python3
"""The plain Python loop that mnemos's whole-process speed is compared with (issue 21).

The paper's cycle on a memory file as `bin/utm-run --write-memory FILE` writes it:
  Read     replace every innermost @[label] with one re.sub, again until none is left;
  Compute  the answer a correct model gives, memoised per distinct prompt: the last
           `result = ...` block of the prompt, its `if X==Y then result = ...` lines applied;
  Write    parse the answer's assignments target="value" and updates name+=n / name-=n,
           replace %[label] once with the value before the write, apply them all.
No verification, no trace, no cache file. Prints the cycles run and the final memory's tape.

usage: python3 bench/baseline/loop.py MEMORY.json
"""
import json
import re
import sys

REF = re.compile(r"@\[([A-Za-z0-9_-]+)\]")
PCT = re.compile(r"%\[([A-Za-z0-9_-]+)\]")
PART = re.compile(r'(\S+?)="([^"]*)"|([A-Za-z0-9_%\[\]-]+?)([+-])=(\d+)')
IF = re.compile(r"if (.*?)==(.*?) then result = (.*)")


def read(memory, blank, text):
    def value(m):
        return str(memory.get(m.group(1), blank))
    while True:
        text, n = REF.subn(value, text)
        if n == 0:
            return text


def compute(prompt):
    block = prompt[prompt.rfind("\nresult = ") + 1:]
    lines = block.split("\n")
    result = lines[0][len("result = "):]
    for line in lines[1:]:
        m = IF.fullmatch(line)
        if m and m.group(1) == m.group(2):
            result = m.group(3)
    return result


def write(memory, blank, answer):
    text = answer.strip()
    if text.startswith('"') and text.endswith('"'):
        text = text[1:-1]
    def value(m):
        return str(memory.get(m.group(1), blank))
    staged = {}
    for m in PART.finditer(text):
        if m.group(1) is not None:
            staged[PCT.sub(value, m.group(1))] = PCT.sub(value, m.group(2))
        else:
            name = PCT.sub(value, m.group(3))
            before = staged.get(name, memory.get(name, blank))
            delta = int(m.group(5))
            staged[name] = int(before) + (delta if m.group(4) == "+" else -delta)
    memory.update(staged)


def main(path):
    with open(path, encoding="utf-8") as f:
        image = json.load(f)
    blank, memory = image.get("blank", "0"), image["memory"]
    answers = {}
    cycles = 0
    while memory["op"] != "halt":
        prompt = read(memory, blank, memory["op"])
        answer = answers.get(prompt)
        if answer is None:
            answer = answers[prompt] = compute(prompt)
        write(memory, blank, answer)
        cycles += 1
    cells = sorted(int(k) for k in memory if re.fullmatch(r"-?[0-9]+", k))
    tape = "".join(str(memory.get(str(c), blank)) for c in range(cells[0], cells[-1] + 1))
    print(f"halted after {cycles:,} cycles ({len(answers)} distinct prompts), head at cell {memory['i']}")
    print(f"tape: {tape[:60]}{'...' if len(tape) > 60 else ''} ({len(tape)} cells)")


if __name__ == "__main__":
    main(sys.argv[1])
