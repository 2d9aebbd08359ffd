#!/bin/bash
# jgan's CPU benchmarks on the lent machine's 16 cores (no Java there: a jlink'd JRE travels with the jars)
set -u
cd "$(dirname "$0")"
cat tfnative-00 tfnative-01 tfnative-02 > lib/tensorflow-core-native-1.1.0-linux-x86_64.jar
echo "81b0e11290ba3b2e134901395ef59f1ae616f8ab7931f0d5c3eeb89c1b97c4e6  lib/tensorflow-core-native-1.1.0-linux-x86_64.jar" | sha256sum -c || exit 1
tar xJf jre.tar.xz
export TF_CPP_MIN_LOG_LEVEL=2
J="./jre/bin/java -Djava.awt.headless=true -cp lib/jgan-cli.jar:lib/* org.jgan.tools.Jgan"
{ lscpu; nproc; free -g; date -u; } > $OUT/machine.txt 2>&1
grep -E "Model name|^CPU\(s\)|Thread|Socket|L3" $OUT/machine.txt
{
date -u
timeout 240 $J bench threads --models toy8 --counts 1,2,4,8,16 --rounds 9
date -u
for t in 16 8 4 2 1; do timeout 60 $J bench step --threads $t --steps 30 --warmup 5; done
date -u
timeout 60 $J bench step --objective gan --threads 16 --steps 30 --warmup 5
date -u
} 2>&1 | grep -v "^I0000\|^WARNING\|oneDNN" | tee $OUT/bench.txt
