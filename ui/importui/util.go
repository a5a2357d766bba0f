package importui

import (
	"os"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

func homeDir() string {
	h, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	return h
}
