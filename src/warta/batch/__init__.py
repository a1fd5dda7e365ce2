"""Scale-out: the same ``process.analyze_many`` job, partitioned over a distributed engine."""
