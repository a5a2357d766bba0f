package book

import (
	_ "embed"
	"encoding/json"

	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// The 2023 Hà Tĩnh campaign that a new book starts with: facts from the
// Department's letter of March 2023, editable afterwards like any data.
//
//go:embed default_campaign.json
var defaultCampaignJSON []byte

type seedFile struct {
	Year         int      `json:"year"`
	Title        string   `json:"title"`
	LetterNumber string   `json:"letter_number"`
	LetterDate   string   `json:"letter_date"`
	Issuer       string   `json:"issuer"`
	IssuerParent string   `json:"issuer_parent"`
	Place        string   `json:"place"`
	SignerTitle  string   `json:"signer_title"`
	SignerName   string   `json:"signer_name"`
	SignerAuth   string   `json:"signer_authority"`
	CopiesTo     []string `json:"copies_to"`
	LegalBasis   string   `json:"legal_basis"`
	Deadline     string   `json:"deadline"`
	Quotas       map[string]struct {
		Required int `json:"required"`
		Target   int `json:"target"`
	} `json:"quotas"`
	Agencies []struct {
		Group string `json:"group"`
		Name  string `json:"name"`
		Short string `json:"short"`
		Code  string `json:"code"`
	} `json:"agencies"`
}

// DefaultCampaign returns the embedded default campaign and its agencies.
func DefaultCampaign() (campaign.Campaign, []campaign.Agency, error) {
	var f seedFile
	if err := json.Unmarshal(defaultCampaignJSON, &f); err != nil {
		return campaign.Campaign{}, nil, err
	}
	deadline, err := vndate.ParseISO(f.Deadline)
	if err != nil {
		return campaign.Campaign{}, nil, err
	}
	letterDate, err := vndate.ParseISO(f.LetterDate)
	if err != nil {
		return campaign.Campaign{}, nil, err
	}
	c := campaign.Campaign{
		Year: f.Year, Title: f.Title, LetterNumber: f.LetterNumber, LetterDate: letterDate,
		Issuer: f.Issuer, IssuerParent: f.IssuerParent, Place: f.Place,
		SignerTitle: f.SignerTitle, SignerName: f.SignerName, SignerAuthority: f.SignerAuth, CopiesTo: f.CopiesTo,
		LegalBasis: f.LegalBasis,
		Deadline:   deadline, Quotas: map[campaign.Group]campaign.Quota{},
	}
	for g, q := range f.Quotas {
		c.Quotas[campaign.Group(g)] = campaign.Quota{Required: q.Required, Target: q.Target}
	}
	var agencies []campaign.Agency
	for _, a := range f.Agencies {
		agencies = append(agencies, campaign.Agency{
			Name: vntext.Line(a.Name), ShortName: vntext.Line(a.Short),
			Group: campaign.Group(a.Group), Code: a.Code, Active: true,
		})
	}
	return c, agencies, nil
}
