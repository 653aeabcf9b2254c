"""Entry point: ``python -m benchmarks run --dataset PATH ...`` (see ``benchmarks.cli``)."""

from benchmarks.cli import main

if __name__ == "__main__":
    main()
