"""warta's pipeline in several processes: its Doc extensions travel between them as bytes."""

from __future__ import annotations

import warta


def test_pipe_with_two_processes_keeps_warta_annotations(nlp):
    # issue 16: nlp.pipe(texts, n_process=2) crashed with "can not serialize 'StageStatus'"
    texts = ["“Kami siap membantu,” kata Menteri Luar Negeri Retno Marsudi di Jakarta.",
             "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Bogor, Senin."]
    alone = [warta.to_record(doc) for doc in nlp.pipe(texts)]
    apart = [warta.to_record(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert apart == alone
    assert any(r["quotes"] for r in apart) and any(r["actors"] for r in apart)
    assert all(r["stages"] for r in apart)
