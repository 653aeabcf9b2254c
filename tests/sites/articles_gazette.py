"""Articles of an invented local news site (host harbourgazette.example): one dict per page."""

from __future__ import annotations

from typing import Any

ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "winter-ferry-timetable",
        "section": "Transport",
        "headline": "Winter ferry timetable cuts two evening crossings",
        "author": "Maren Tolley",
        "date": "2025-11-03",
        "body": [
            "The island ferry will run two fewer evening crossings from the first week of December, the operator "
            "confirmed on Monday, leaving the last boat back from the mainland at twenty past seven.",
            "Commuters who work late shifts at the hospital said the change would force them to stay overnight "
            "with relatives or pay for a water taxi, which costs more than a week of ordinary fares.",
            ("h2", "Fewer passengers after dark"),
            "The operator said passenger counts on the two crossings had fallen below forty a night since the "
            "clocks went back, and that the crew hours saved would pay for a second boat on summer weekends.",
            "Councillor Ines Barrow, who represents the island ward, asked for the cut to be reviewed in March "
            "and for a bus connection to be held at the terminal when the ferry runs late in bad weather.",
        ],
    },
    {
        "slug": "customs-house-library",
        "section": "Community",
        "headline": "Old customs house library reopens after two-year restoration",
        "author": "Daniel Okafor",
        "date": "2025-10-28",
        "body": [
            "Queues formed along the quay on Saturday morning as the library in the old customs house opened its "
            "doors for the first time since the roof was found to be unsafe two winters ago.",
            "Volunteers carried the last crates of books up the restored spiral stair on Friday night, and the "
            "reading room now has a lift, new windows facing the harbour and a corner for children's stories.",
            "The restoration cost just under two million pounds, most of it from a heritage fund, with the rest "
            "raised by residents through concerts, a sponsored swim and the sale of old slates from the roof.",
            "The head librarian said more than three hundred people had joined on the first day, many of them "
            "families who had moved to the town while the building was closed and had never been inside.",
        ],
    },
    {
        "slug": "cod-quota-cut",
        "section": "Business",
        "headline": "Trawler crews brace for a lower cod quota next year",
        "author": "Maren Tolley",
        "date": "2025-10-21",
        "body": [
            "Skippers at the fish market said on Tuesday that a proposed cut of a fifth in next year's cod quota "
            "would leave some of the smaller boats tied up for months at a time.",
            "The scientific advice behind the cut found that young cod were growing more slowly in warmer water, "
            "and recommended closing two fishing grounds to the west of the bay during the spawning season.",
            ("h2", "A smaller fleet"),
            "The harbour now has eleven working trawlers, down from thirty when the market hall was built, and "
            "the owners of three of them said they would look at selling their licences if the cut goes ahead.",
            "The fishermen's association will put its case to ministers in December, arguing that a gradual "
            "reduction over three years would let crews switch part of their effort to crab and lobster.",
        ],
    },
    {
        "slug": "school-solar-panels",
        "section": "Education",
        "headline": "Primary school roof panels now cover a third of its power bill",
        "author": "Priya Lund",
        "date": "2025-10-14",
        "body": [
            "Solar panels fitted over the summer holidays on the roof of Harbourside Primary produced a third of "
            "the school's electricity in September, figures shared with parents this week show.",
            "Pupils in the top year have been reading the meter every morning and plotting the output on a chart "
            "in the hall, and the school says the project has become part of its maths and science lessons.",
            "The panels were paid for by a community energy group that sells shares to local residents and pays "
            "them back from the savings, and the group hopes to cover the leisure centre roof next spring.",
        ],
    },
    {
        "slug": "north-harbour-wall",
        "section": "News",
        "headline": "Storm damage to the north harbour wall will cost more than feared",
        "author": "Daniel Okafor",
        "date": "2025-10-07",
        "body": [
            "Repairing the section of the north harbour wall breached in last month's storm will cost at least "
            "four times the first estimate, engineers told a meeting of the harbour board on Thursday.",
            "Divers found that the waves had scoured away the foundations along a stretch of sixty metres, not "
            "only the top courses of stone that fell into the channel on the night of the storm.",
            ("h2", "Moorings moved"),
            "Until the work is finished, boats that normally moor behind the wall have been moved to the inner "
            "basin, where berths are tight and several yacht owners have been asked to leave for the winter.",
            "The board will apply for emergency funding and expects the repairs to take most of next year, "
            "with the heaviest work planned between April and September to avoid the winter swell.",
        ],
    },
    {
        "slug": "coastal-half-marathon",
        "section": "Sport",
        "headline": "Record field of runners expected for the coastal half marathon",
        "author": "Priya Lund",
        "date": "2025-09-30",
        "body": [
            "More than two thousand runners have signed up for Sunday's coastal half marathon, the largest field "
            "since the race began as a fun run between the lighthouse and the pier twenty years ago.",
            "The course has been changed this year to avoid the damaged north harbour wall, adding a loop through "
            "the park and a climb up Chapel Hill that the organisers promise will be worth it for the view.",
            "Roads along the seafront will be closed from seven until two, and the park and ride from the "
            "retail park will run every ten minutes for spectators coming into town.",
            "Local clubs are looking for volunteers to hand out water at the five drinks stations, and anyone who "
            "helps will be offered a free place in next year's race.",
        ],
    },
    {
        "slug": "night-bus-pilot",
        "section": "Transport",
        "headline": "Night bus pilot extended after a strong first month",
        "author": "Maren Tolley",
        "date": "2025-09-23",
        "body": [
            "A trial of late buses between the town centre and the estates on the hill will run until the end of "
            "March after carrying more than five thousand passengers in its first four weeks.",
            "The service runs hourly until two in the morning on Fridays and Saturdays, and bar staff and "
            "hospital cleaners make up a large share of the riders, according to a survey on board.",
            "Taxi drivers had warned that the pilot would take their busiest fares, but the taxi rank's own "
            "figures show little change, and some drivers say the buses have eased the queues at closing time.",
        ],
    },
]
