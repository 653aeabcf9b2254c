"""boilerstrip as a step on corpus engines: datatrove (``integrations.datatrove``) and PySpark
(``integrations.spark``).

Nothing here is imported by ``import boilerstrip``: each engine module imports its engine when it is
imported itself, and says which extra to install when the engine is missing
(``pip install 'boilerstrip[datatrove]'``, ``pip install 'boilerstrip[spark]'``).
"""
