"""Bundled data files of the claims stage.

Derived from the ANT corpus (Apache-2.0):

- ``stem_df.tsv.gz``: document frequencies of light stems over ANT's articles (29,876: the
  31.5k less those of the days ../shared/EVENTS.md reserves for evaluation);
- ``stem_vectors.npz``: 96-dimension LSA vectors of the 24.1k most common stems of the same.

Rebuild with ``scripts/agreement_corpus.py build-df|build-lsa ANT_DIR``. ANT's licence asks that
material produced with it cite: A. Chouigui, O. Ben Khiroun, B. Elayeb, "ANT Corpus: An Arabic
News Text Collection for Textual Classification", AICCSA 2017.

Fitted on the ANS corpus (Apache-2.0):

- ``stance_model.json``: the weights of the stance model behind
  :func:`khabar.claims.agreement.agreement` (two logistic models over named pair features),
  fitted on the ANS train split and chosen on its dev split. Rebuild with
  ``python scripts/train_stance.py [ANS_DIR]``. Cite: Jude Khouja, "Stance Prediction and Claim
  Verification: An Arabic Perspective", Proceedings of the Third Workshop on Fact Extraction and
  VERification (FEVER), ACL 2020 (github.com/latynt/ans). No ANS sentence is stored; the file
  holds feature names (light stems and stem pairs) and their weights.
"""
