#!/usr/bin/env bash
# Resident memory of the TUI on a book (BENCHMARKS.md): start it in tmux, let it load, show
# the registrations tab, search it three times, read VmRSS/VmHWM from /proc.
set -euo pipefail
bin=${1:?binary}; db=${2:?book}
s=cchcrss-$$ # a session of its own: others may be measuring at the same time
tmux new-session -d -s $s -x 120 -y 40 "env ${ENVV:-X=1} CCHC_TODAY=30/04/2024 $bin --db $db" # ENVV=GOMEMLIMIT=… to try a setting
trap 'tmux kill-session -t $s' EXIT
sleep 6
tmux send-keys -t $s 4; sleep 2
tmux send-keys -t $s j j j; sleep 1
for q in "thu tuc" "mot cua" "so hoa"; do
  tmux send-keys -t $s / "$q"; sleep 2
  tmux send-keys -t $s Enter Escape; sleep 1
done
pid=$(tmux list-panes -t $s -F '#{pane_pid}')
grep -E 'VmRSS|VmHWM' /proc/$pid/status
tmux capture-pane -p -t $s | sed -n 1,6p
