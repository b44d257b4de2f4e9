"""Captures real response bodies of a llama.cpp server for the WireMock stand-ins' fixtures.

    python3 tools/llama-server/capture.py http://127.0.0.1:PORT/v1 runtime/src/test/resources/llama-server

Sends the requests mnemos's openai backend sends (completion and chat, plain and streamed) with the prompt
of U15,2's state A reading 0, and three that fail, and writes each body as the server sent it, with a
.status file beside each error. Standard library only.
"""
import json
import pathlib
import sys
import urllib.error
import urllib.request

PROMPT = ('result = " op="%[B]" %[i]="0" i+=1 "\nif 0==1 then result = " op="%[E]" %[i]="1" i-=1 "\n'
          '$result\n" op="%[B]" %[i]="0" i+=1 "\n'
          'result = " op="%[B]" %[i]="0" i+=1 "\nif 0==1 then result = " op="%[A]" %[i]="1" i+=1 "\n$result\n')


def post(url, body):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read()


def main():
    base, out = sys.argv[1].rstrip("/"), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    common = {"model": "smollm2", "temperature": 0.0, "max_tokens": 64}
    completion = dict(common, prompt=PROMPT, stop=["\n"])
    chat = dict(common, messages=[{"role": "user", "content": PROMPT}])
    requests = {
        "completion.json": (base + "/completions", dict(completion, stream=False)),
        "completion-stream.sse": (base + "/completions",
                                  dict(completion, stream=True, stream_options={"include_usage": True})),
        "chat.json": (base + "/chat/completions", dict(chat, stream=False)),
        "chat-stream.sse": (base + "/chat/completions",
                            dict(chat, stream=True, stream_options={"include_usage": True})),
        "error-context.json": (base + "/completions", dict(completion, prompt="ha " * 5000)),
        "error-invalid-json.json": (base + "/completions", b'{"prompt": "half'),
        "error-not-found.json": (base + "/generate", completion),
    }
    for name, (url, body) in requests.items():
        status, content_type, payload = post(url, body)
        (out / name).write_bytes(payload)
        if status != 200:
            (out / (name + ".status")).write_text(f"{status}\n")
        print(f"{name}: HTTP {status} {content_type}, {len(payload)} bytes")


if __name__ == "__main__":
    main()
