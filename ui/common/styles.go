package common

import (
	"github.com/charmbracelet/lipgloss"

	"cchc/internal/compliance"
)

// Styles are built once from the theme; screens use these, never literals.
type Styles struct {
	Header, Tab, ActiveTab, Rule, Muted, Bold, Title lipgloss.Style
	Selected, Cursor, Label, FocusedLabel, Input     lipgloss.Style
	Error, Note, Warning, Banner                     lipgloss.Style
	Met, Short, Missing, Late                        lipgloss.Style
	BarFull, BarEmpty                                lipgloss.Style
}

// Adaptive colours read well on light and dark backgrounds; NO_COLOR is
// honoured by lipgloss itself, and status never relies on colour alone.
var (
	accent  = lipgloss.AdaptiveColor{Light: "#1d4ed8", Dark: "#7aa2f7"}
	muted   = lipgloss.AdaptiveColor{Light: "#6b7280", Dark: "#8b93a7"}
	green   = lipgloss.AdaptiveColor{Light: "#15803d", Dark: "#9ece6a"}
	amber   = lipgloss.AdaptiveColor{Light: "#b45309", Dark: "#e0af68"}
	red     = lipgloss.AdaptiveColor{Light: "#b91c1c", Dark: "#f7768e"}
	selBg   = lipgloss.AdaptiveColor{Light: "#dbeafe", Dark: "#2e3c64"}
	barBack = lipgloss.AdaptiveColor{Light: "#d1d5db", Dark: "#3b4261"}
)

// DefaultStyles is the theme.
func DefaultStyles() Styles {
	return Styles{
		Header:       lipgloss.NewStyle().Bold(true).Foreground(accent),
		Tab:          lipgloss.NewStyle().Foreground(muted),
		ActiveTab:    lipgloss.NewStyle().Bold(true).Foreground(accent).Underline(true),
		Rule:         lipgloss.NewStyle().Foreground(muted),
		Muted:        lipgloss.NewStyle().Foreground(muted),
		Bold:         lipgloss.NewStyle().Bold(true),
		Title:        lipgloss.NewStyle().Bold(true).Foreground(accent),
		Selected:     lipgloss.NewStyle().Bold(true).Background(selBg),
		Cursor:       lipgloss.NewStyle().Foreground(accent).Bold(true),
		Label:        lipgloss.NewStyle().Foreground(muted),
		FocusedLabel: lipgloss.NewStyle().Foreground(accent).Bold(true),
		Input:        lipgloss.NewStyle(),
		Error:        lipgloss.NewStyle().Foreground(red).Bold(true),
		Note:         lipgloss.NewStyle().Foreground(green),
		Warning:      lipgloss.NewStyle().Foreground(amber),
		Banner:       lipgloss.NewStyle().Bold(true).Foreground(amber),
		Met:          lipgloss.NewStyle().Foreground(green),
		Short:        lipgloss.NewStyle().Foreground(amber),
		Missing:      lipgloss.NewStyle().Foreground(red),
		Late:         lipgloss.NewStyle().Foreground(amber),
		BarFull:      lipgloss.NewStyle().Foreground(accent),
		BarEmpty:     lipgloss.NewStyle().Foreground(barBack),
	}
}

// Status is the style of a compliance status.
func (s Styles) Status(st compliance.Status) lipgloss.Style {
	switch st {
	case compliance.Met:
		return s.Met
	case compliance.Short:
		return s.Short
	}
	return s.Missing
}
