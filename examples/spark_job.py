"""spark-submit entry for boilerstrip's Spark job (boilerstrip.integrations.spark).

    spark-submit --master yarn examples/spark_job.py crawl/*.warc.gz --output out/ --models-out models/

spark-submit runs a file as a script, not a module of a package, hence this one-line wrapper;
`python -m boilerstrip.integrations.spark --help` lists the options.
"""

from boilerstrip.integrations.spark import main

if __name__ == "__main__":
    raise SystemExit(main())
