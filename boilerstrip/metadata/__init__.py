"""Page metadata: the HTML front-end (html.py), the text-dump one (text.py) and shared normalisers."""
