package store

import (
	"context"
	"database/sql/driver"

	"cchc/internal/compliance"
	"cchc/internal/vntext"
)

// Successions reads who succeeds whom in a campaign (migration 0006). A
// predecessor is named by its short name where it has one, as the
// campaign knew it ("Sở TN&MT").
func (s *Store) Successions(ctx context.Context, campaignID int64) (compliance.Succession, error) {
	out := compliance.Succession{Successor: map[int64]int64{}, Predecessors: map[int64][]string{}}
	err := s.eachRow(ctx, `SELECT x.predecessor_id, x.successor_id,
			coalesce(nullif(coalesce(ca.short_name, a.short_name), ''), coalesce(ca.name, a.name))
		FROM succession x JOIN agency a ON a.id = x.predecessor_id
		LEFT JOIN campaign_agency ca ON ca.campaign_id = x.campaign_id AND ca.agency_id = x.predecessor_id
		WHERE x.campaign_id = ? ORDER BY x.successor_id, x.predecessor_id`, []any{campaignID},
		func(v []driver.Value) error {
			pred, succ := asInt(v[0]), asInt(v[1])
			out.Successor[pred] = succ
			out.Predecessors[succ] = append(out.Predecessors[succ], vntext.Line(asText(v[2])))
			return nil
		})
	return out, err
}
