"""Adversarial text: a run of names is counted but its relations are not read (the rules compare
mentions pairwise), so text shaped like a table or hostile input cannot make the extractor's cost
explode. The cost itself is measured in benchmarks/ (``--hostile``), never in a timed test."""

from __future__ import annotations

from graph.ingest.pipeline import MAX_MENTIONS_READ
from ingest_support import drafted_with, relations_of

FIRMS = [f"{w} Metals" for w in ("Alba Bora Cedo Dura Elva Fara Gilo Hera Iko Juno Kora Lumo Mira Nova Orla "
                                 "Pira Quen Rula Sora Tura Ulma Vira Wena Xola Yara Zeta Amba Bela Cira Dela "
                                 "Eno Fio Gala Hilo Ira Jada Kalo Lana Mora Nela Opa Pola Quia Rona Sela Tala "
                                 "Uno Vela Wila Xeno Yola Zora Aro Belo Cato Dino Epo Fena Gino Halo Ino Jena "
                                 "Kino Leno Mino Neo Ono Pino Rino Sino").split()]


def test_a_sentence_naming_more_names_than_prose_does_is_counted_but_not_read():
    assert len(FIRMS) > MAX_MENTIONS_READ
    text = ("Metals buyers\n\n" + ", ".join(FIRMS) + " and Omega Steel supply nickel to Kappa Motors.\n\n"
            "Sigma Mining supplies cobalt to Kappa Motors.")
    d = drafted_with(text, "Omega Steel", "Kappa Motors", "Sigma Mining", FIRMS[0], FIRMS[-1])
    rels = relations_of(d)
    assert ("Sigma Mining", "supplies", "Kappa Motors") in rels     # the prose sentence is read
    assert not any(a in FIRMS or a == "Omega Steel" for a, _, _ in rels)    # the run of names is not


def test_the_same_construction_with_a_few_names_is_read():
    text = ("Metals buyers\n\n" + ", ".join(FIRMS[:5]) + " and Omega Steel supply nickel to Kappa Motors.")
    rels = relations_of(drafted_with(text, "Omega Steel", "Kappa Motors"))
    assert ("Omega Steel", "supplies", "Kappa Motors") in rels and (FIRMS[0], "supplies", "Kappa Motors") in rels
