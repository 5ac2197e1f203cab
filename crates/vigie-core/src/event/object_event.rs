//! An event as the object of another: « Amnesty a condamné ces attaques », "the US welcomed
//! the release". The reacting event's target is whoever did the object event: its own
//! source, or, for an anaphoric noun with no actor of its own (« ces attaques »), the source
//! of the nearest earlier event of the same type. With no known doer the target stays empty
//! ("condemned the attack" on an unclaimed bombing).

use crate::doc::{Argument, Event};

/// A reaction awaiting its target: the index of the reacting event and the byte offset of the
/// first word of its object.
#[derive(Debug, Clone, Copy)]
pub struct Pending {
    pub event: usize,
    pub object_at: usize,
}

/// Give each pending reaction the doer of the event its object names.
pub fn resolve(events: &mut [Event], pending: &[Pending]) {
    for p in pending {
        let Some(j) = events
            .iter()
            .position(|o| o.trigger.start <= p.object_at && p.object_at < o.trigger.end)
        else {
            continue;
        };
        if j == p.event {
            continue;
        }
        let doer = doer(events, j);
        let Some(doer) = doer else { continue };
        let Some(e) = events.get_mut(p.event) else {
            continue;
        };
        // a reaction by nobody named says nothing of who reacted to whom
        let Some(reactor) = e.source.as_ref().filter(|s| s.actor.is_some()) else {
            continue;
        };
        if e.target.is_some() || reactor.span == doer.span {
            continue;
        }
        e.explain.target_rule = Some("object-event-source");
        e.target = Some(Argument {
            rule: "object-event-source",
            ..doer
        });
    }
}

/// The source of event `j`, else of the nearest earlier event of its type that has one.
fn doer(events: &[Event], j: usize) -> Option<Argument> {
    let o = events.get(j)?;
    if let Some(s) = o.source.as_ref().filter(|s| s.actor.is_some()) {
        return Some(s.clone());
    }
    events[..j]
        .iter()
        .rev()
        .filter(|x| x.plover == o.plover)
        .find_map(|x| x.source.clone().filter(|s| s.actor.is_some()))
}
