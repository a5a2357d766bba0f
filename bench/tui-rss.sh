#!/usr/bin/env bash
# Resident memory of the TUI on a book (BENCHMARKS.md): start it in tmux, let it load, show
# the registrations tab, read VmRSS/VmHWM from /proc.
set -euo pipefail
bin=${1:?binary}; db=${2:?book}
tmux kill-session -t cchcrss 2>/dev/null || true
tmux new-session -d -s cchcrss -x 120 -y 40 "env ${ENVV:-X=1} CCHC_TODAY=30/04/2024 $bin --db $db" # ENVV=GOMEMLIMIT=… to try a setting
sleep 6
tmux send-keys -t cchcrss 4; sleep 2
tmux send-keys -t cchcrss j j j; sleep 1
pid=$(pgrep -f -n "$bin --db $db")
grep -E 'VmRSS|VmHWM' /proc/$pid/status
tmux capture-pane -p -t cchcrss | sed -n 1,6p
tmux kill-session -t cchcrss
