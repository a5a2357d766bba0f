package safefile

// SetSecurity lets the external tests see what Private asks of Windows.
var SetSecurity = &setSecurity
