#!/usr/bin/env bash
# The cluster recipe of docs/reruns-and-clusters.md on a real scheduler: a one-node Slurm on
# localhost (Debian's slurmctld, slurmd and munge, installed when missing), the docs' array job
# (`run --shard K/N`) and the dependent `merge` job submitted with sbatch, and the merged CSVs
# compared byte for byte with one plain run of the same corpus.
# Everything it starts (munged, slurmctld, slurmd, jobs) is stopped and its folder removed on exit,
# failure included. Needs root to install the packages and to run slurmd.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
docs="$repo/docs/reruns-and-clusters.md"
shards=3
timeout_s=600

fail() { echo "cluster check: $*" >&2; exit 1; }
trap 'echo "cluster check: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

missing=""
for cmd in munged slurmctld slurmd sbatch; do command -v "$cmd" >/dev/null || missing="$missing $cmd"; done
if [ -n "$missing" ]; then
  [ "$(id -u)" -eq 0 ] || fail "missing:$missing; installing them needs root (apt-get install slurmctld slurmd slurm-client munge)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi
[ "$(id -u)" -eq 0 ] || fail "slurmd must run as root here (it starts the jobs as their user)"

work="$(mktemp -d)"
stop_all() {
  local status=$?
  trap - ERR
  if [ -f "$work/slurmctld.pid" ] && [ -f "$work/slurm.conf" ]; then
    SLURM_CONF="$work/slurm.conf" scancel --quiet --full --cluster=controverse-check --user=root 2>/dev/null || true
  fi
  for daemon in slurmd slurmctld munged; do
    [ -f "$work/$daemon.pid" ] || continue
    pid="$(cat "$work/$daemon.pid")"
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ] && [ -n "${KEEP_LOGS:-}" ]; then
    echo "cluster check: logs kept in $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap stop_all EXIT

# The corpus: the sample pages and the structured fixtures (JSON, JSONL, CSV), so that shards differ.
mkdir -p "$work/corpus" "$work/logs" "$work/state" "$work/spool" "$work/munge"
cp -r "$repo/corpus/." "$work/corpus/sample"
cp -r "$repo/test/fixtures/corpora/structured" "$work/corpus/structured"

( cd "$repo" && npm run --silent build )

# munge with its own key and socket, so nothing of the machine's own setup is used or changed.
chmod 700 "$work/munge"
head -c 1024 /dev/urandom > "$work/munge/munge.key"
chmod 400 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
munged --force --key-file="$work/munge/munge.key" --socket="$socket" --pid-file="$work/munged.pid" \
  --log-file="$work/logs/munged.log" --seed-file="$work/munge/munged.seed"

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})'; }
memory_mb="$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')"
cat > "$work/slurm.conf" <<CONF
ClusterName=controverse-check
SlurmctldHost=localhost
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CryptoType=crypto/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/logs/slurmctld.log
SlurmdLogFile=$work/logs/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
DependencyParameters=kill_invalid_depend
ReturnToService=2
NodeName=localhost CPUs=$(nproc) RealMemory=$memory_mb State=UNKNOWN
PartitionName=check Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N localhost
for _ in $(seq 60); do
  sinfo -h -n localhost -o %T 2>/dev/null | grep -qx idle && break
  sleep 1
done
sinfo -h -n localhost -o %T | grep -qx idle || fail "the one-node Slurm did not come up (node state: $(sinfo -h -o %T 2>&1)); see slurmd.log / slurmctld.log (KEEP_LOGS=1 keeps them)"

# The docs' two scripts, taken from the page itself so that the page stays right: the first
# ```sh block after "A Slurm job array" is the array job, the next one merge.sh.
sh_block() { awk -v n="$1" '/A Slurm job array/ { on = 1 } on && /^```sh$/ { k++; if (k == n) { inside = 1; next } } inside && /^```$/ { exit } inside { print }' "$docs"; }
to_here() {
  sed -e "s#/data/corpus#$work/corpus#g" -e "s#/scratch/controverse#$work/scratch#g" \
      -e "s#/data/controverse-out#$work/merged#g" -e "s#{1\.\.16}#{1..$shards}#g"
}
sh_block 1 | to_here > "$work/array.sh"
sh_block 2 | to_here > "$work/merge.sh"
grep -q -- '--shard' "$work/array.sh" || fail "no array job with --shard found in $docs"
grep -q 'controverse merge' "$work/merge.sh" || fail "no merge script found in $docs"

# One plain run of the same corpus: the reference.
node "$repo/dist/cli.js" run "$work/corpus" --out "$work/plain" --quiet || [ $? -eq 1 ]

# The docs ask for 16 tasks of 4 CPUs and 4 GB; this node has $(nproc) CPUs, so fewer and smaller.
started=$(date +%s)
array_id="$(cd "$repo" && sbatch --parsable --array=1-$shards --cpus-per-task=1 --mem=1G \
  --output="$work/logs/shard-%a.out" "$work/array.sh")"
merge_id="$(cd "$repo" && sbatch --parsable --dependency=afterok:"$array_id" --mem=1G \
  --output="$work/logs/merge.out" "$work/merge.sh")"
state=""
while :; do
  state="$(scontrol show job "$merge_id" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')"
  case "$state" in PENDING|RUNNING|CONFIGURING|COMPLETING|"") ;; *) break ;; esac
  [ $(( $(date +%s) - started )) -lt "$timeout_s" ] || fail "the jobs did not finish within ${timeout_s}s (merge job $state)"
  sleep 1
done
elapsed=$(( $(date +%s) - started ))
if [ "$state" != COMPLETED ]; then
  shard_states="$(squeue -h -j "$array_id" -o '%i %T' 2>/dev/null; scontrol show job "$array_id" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\) Reason=\([^ ]*\).*/\1 \2/p' | sort | uniq -c | tr '\n' ' ')"
  fail "merge job $merge_id ended $state (array $array_id: $shard_states); job output: $(tail -n 3 "$work"/logs/*.out 2>/dev/null | tr '\n' ' ')"
fi

# The merged CSVs are the plain run's, byte for byte.
csvs="$(cd "$work/plain" && ls ./*.csv)"
[ "$(cd "$work/merged" && ls ./*.csv)" = "$csvs" ] || fail "merged CSVs differ in names from a plain run's: $(cd "$work/merged" && ls ./*.csv | tr '\n' ' ')"
for f in $csvs; do
  cmp -s "$work/plain/$f" "$work/merged/$f" || fail "merged ${f#./} differs from a plain run's ($(diff "$work/plain/$f" "$work/merged/$f" | head -c 300 | tr '\n' ' '))"
done
verified="$(node "$repo/dist/cli.js" verify "$work/merged" 2>&1)" || fail "controverse verify rejects the merged folder: $verified"
rows() { echo $(($(wc -l < "$1") - 1)); }
per_shard=""
for k in $(seq "$shards"); do per_shard="$per_shard${per_shard:+ + }$(rows "$work/scratch/shard-$k/documents.csv")"; done
echo "cluster check: $shards Slurm array tasks + merge ($elapsed s on the scheduler) identical to one run: $(echo "$csvs" | wc -l) CSVs, $(rows "$work/plain/documents.csv") documents ($per_shard)"
