"""Write the digest that pins the corpus's test split (src/warta/eval/corpus/test.sha256).

Run it in the same commit as any change to the test split's articles or gold; the digest test
fails until then, so a silent edit of the test split cannot land.
"""

from __future__ import annotations

from warta.eval.corpus import corpus_dir, split_digest

if __name__ == "__main__":
    path = corpus_dir() / "test.sha256"
    path.write_text(f"{split_digest('test')}  test split: articles.jsonl rows + gold files\n",
                    encoding="utf-8")
    print(path.read_text(encoding="utf-8"), end="")
