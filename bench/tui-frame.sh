#!/usr/bin/env bash
# Time from starting the TUI to its first frame, and to the first frame with
# the campaign's figures on it (the counts of the overview bars), polling tmux.
set -euo pipefail
bin=${1:?binary}; db=${2:?book}
tmux kill-session -t cchcframe 2>/dev/null || true
start=$(date +%s%N)
tmux new-session -d -s cchcframe -x 120 -y 40 "CCHC_TODAY=30/04/2024 $bin --db $db"
first=""; data=""
for _ in $(seq 1 3000); do
  screen=$(tmux capture-pane -p -t cchcframe)
  now=$(date +%s%N)
  if [ -z "$first" ] && grep -q "Tổng quan" <<<"$screen"; then first=$(( (now-start)/1000000 )); fi
  if [ -z "$data" ] && grep -qE "[0-9] mô hình" <<<"$screen"; then data=$(( (now-start)/1000000 )); break; fi
  sleep 0.005
done
tmux kill-session -t cchcframe
echo "first frame ${first} ms, figures on screen ${data} ms"
