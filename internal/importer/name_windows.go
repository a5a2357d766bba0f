package importer

import (
	"errors"

	"golang.org/x/sys/windows"
)

// invalidName reports a path Windows cannot hold (ERROR_INVALID_NAME).
func invalidName(err error) bool { return errors.Is(err, windows.ERROR_INVALID_NAME) }
