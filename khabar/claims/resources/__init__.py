"""Bundled data files of the claims stage, both derived from the ANT corpus (Apache-2.0):

- ``stem_df.tsv.gz``: document frequencies of light stems over ANT's 31.5k articles;
- ``stem_vectors.npz``: 96-dimension LSA vectors of the 24.7k most common stems.

Rebuild with ``scripts/agreement_corpus.py build-df|build-lsa ANT_DIR``. ANT's licence asks that
material produced with it cite: A. Chouigui, O. Ben Khiroun, B. Elayeb, "ANT Corpus: An Arabic
News Text Collection for Textual Classification", AICCSA 2017.
"""
