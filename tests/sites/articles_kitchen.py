"""Recipes of an invented food blog (host fernleafkitchen.example): one dict per page."""

from __future__ import annotations

from typing import Any

ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "rhubarb-crumble",
        "section": "Puddings",
        "headline": "Rhubarb and ginger crumble",
        "author": "Hattie Marsh",
        "date": "2025-04-12",
        "body": [
            "The first forced rhubarb of the year is too pretty to hide under a crumble, but by April the garden "
            "stalks are thick and sour and nothing suits them better than a buttery oat topping.",
            "Stem ginger in syrup goes into both the fruit and the crumble, so every spoonful has a little heat, "
            "and a spoonful of the syrup over the custard does no harm either.",
            ("h2", "Ingredients"),
            (
                "ul",
                [
                    "600 g rhubarb, cut into short lengths",
                    "3 balls of stem ginger, chopped",
                    "80 g caster sugar",
                    "150 g plain flour",
                    "100 g cold butter, diced",
                    "60 g rolled oats",
                    "50 g demerara sugar",
                ],
            ),
            ("h2", "Method"),
            (
                "ol",
                [
                    "Heat the oven to 190C and butter a shallow dish.",
                    "Toss the rhubarb with the ginger and caster sugar and spread it in the dish.",
                    "Rub the butter into the flour, then stir in the oats and demerara sugar.",
                    "Scatter the topping over the fruit and bake for 35 minutes until golden.",
                ],
            ),
            "If the rhubarb is very young, cut the sugar a little: it gives off more juice and less sourness.",
        ],
    },
    {
        "slug": "red-lentil-soup",
        "section": "Soups",
        "headline": "Red lentil soup with smoked paprika",
        "author": "Hattie Marsh",
        "date": "2025-03-29",
        "body": [
            "This is the soup I make on Mondays when the fridge is nearly empty: a bag of red lentils, an onion, "
            "a carrot or two and a tin of tomatoes are all it asks for, and it is ready in half an hour.",
            "Smoked paprika does most of the work, so buy a good one, and finish each bowl with a swirl of yoghurt "
            "and a few drops of chilli oil if you like things hot.",
            ("h2", "Ingredients"),
            (
                "ul",
                [
                    "1 onion, chopped",
                    "2 carrots, grated",
                    "2 tsp smoked paprika",
                    "250 g red lentils",
                    "400 g tin of chopped tomatoes",
                    "1.2 litres vegetable stock",
                ],
            ),
            ("h2", "Method"),
            (
                "ol",
                [
                    "Soften the onion and carrot in a little oil for ten minutes.",
                    "Stir in the paprika, then add the lentils, tomatoes and stock.",
                    "Simmer for twenty minutes until the lentils have collapsed, then blend half of it.",
                ],
            ),
            "The soup thickens as it stands, so loosen it with a splash of water when you reheat it.",
        ],
    },
    {
        "slug": "sourdough-starter",
        "section": "Baking",
        "headline": "How to keep a sourdough starter alive on holiday",
        "author": "Hattie Marsh",
        "date": "2025-03-15",
        "body": [
            "Readers ask me every summer what to do with their starter while they are away, and the honest answer "
            "is that a healthy starter is much harder to kill than the internet would have you believe.",
            "For a week or two, feed it a stiffer mix than usual, with twice as much flour as water, put the lid on "
            "and keep it at the back of the fridge, where it will slow almost to a stop.",
            ("h2", "Longer trips"),
            "For a month or more, smear a thin layer of starter on baking paper, let it dry completely, then crumble "
            "the flakes into a jar. A spoonful of them soaked in warm water wakes up within three days.",
            "When you come home, give the fridge starter two feeds at room temperature before you bake with it: the "
            "first feed wakes the yeast, the second builds the rise back up.",
        ],
    },
    {
        "slug": "chickpea-spinach-curry",
        "section": "Suppers",
        "headline": "Chickpea and spinach curry for busy evenings",
        "author": "Tom Reyes",
        "date": "2025-03-01",
        "body": [
            "My brother Tom wrote this one for the blog after cooking it for us three weeks in a row, and nobody "
            "complained once, which in our family is the highest praise a recipe can get.",
            "Frying the spices in the oil before the onion goes in gives the sauce its depth, so do not rush that "
            "step, and use tinned chickpeas with their liquid for a silkier sauce.",
            ("h2", "Ingredients"),
            (
                "ul",
                [
                    "2 tbsp oil",
                    "1 tsp cumin seeds",
                    "1 large onion, sliced",
                    "2 cloves of garlic",
                    "2 tins of chickpeas",
                    "200 g spinach",
                    "1 tin of coconut milk",
                ],
            ),
            ("h2", "Method"),
            (
                "ol",
                [
                    "Fry the cumin seeds in the oil until they crackle, then add the onion.",
                    "Add the garlic and chickpeas and cook for five minutes.",
                    "Pour in the coconut milk, simmer for ten minutes and stir in the spinach to wilt.",
                ],
            ),
            "Serve it with rice or warm flatbreads and a squeeze of lime.",
        ],
    },
    {
        "slug": "lemon-drizzle-loaf",
        "section": "Baking",
        "headline": "A lemon drizzle loaf that stays moist for days",
        "author": "Hattie Marsh",
        "date": "2025-02-15",
        "body": [
            "The secret of a drizzle loaf that is still good on the fourth day is to pour the syrup over while the "
            "cake is hot, so it soaks right through instead of sitting on top as a crust.",
            "I use Greek yoghurt in place of some of the butter, which makes the crumb tender and lets the lemon "
            "come through more sharply than in the classic recipe.",
            ("h2", "Ingredients"),
            (
                "ul",
                [
                    "175 g self-raising flour",
                    "150 g caster sugar",
                    "100 g butter, softened",
                    "100 g Greek yoghurt",
                    "2 eggs",
                    "zest and juice of 2 lemons",
                    "80 g granulated sugar",
                ],
            ),
            ("h2", "Method"),
            (
                "ol",
                [
                    "Beat the butter, caster sugar, yoghurt, eggs and zest, then fold in the flour.",
                    "Bake in a lined loaf tin at 180C for 45 minutes.",
                    "Mix the lemon juice with the granulated sugar and spoon it over the hot cake.",
                ],
            ),
            "Wrapped in foil it keeps for four days, and it freezes well in slices.",
        ],
    },
    {
        "slug": "mushroom-barley-risotto",
        "section": "Suppers",
        "headline": "Mushroom and pearl barley risotto",
        "author": "Hattie Marsh",
        "date": "2025-02-01",
        "body": [
            "Pearl barley makes a nuttier, more forgiving risotto than rice: it will not turn to mush if you leave "
            "it for a minute to answer the door, and it reheats beautifully the next day.",
            "A handful of dried porcini soaked in the hot stock gives the whole pot a deep, woodland flavour, even "
            "if the fresh mushrooms are the plain ones from the corner shop.",
            ("h2", "Ingredients"),
            (
                "ul",
                [
                    "20 g dried porcini",
                    "1 litre hot stock",
                    "250 g pearl barley",
                    "300 g chestnut mushrooms",
                    "1 shallot, finely chopped",
                    "50 g parmesan, grated",
                ],
            ),
            ("h2", "Method"),
            (
                "ol",
                [
                    "Soak the porcini in the stock for twenty minutes, then chop them.",
                    "Soften the shallot, add the barley and stir for a minute.",
                    "Add the stock a ladle at a time over forty minutes, then the mushrooms and parmesan.",
                ],
            ),
            "Leftovers can be shaped into small cakes, rolled in breadcrumbs and fried for lunch.",
        ],
    },
    {
        "slug": "oat-and-honey-biscuits",
        "section": "Baking",
        "headline": "Oat and honey biscuits for the lunch box",
        "author": "Tom Reyes",
        "date": "2025-01-18",
        "body": [
            "These chewy biscuits take ten minutes to mix and keep for a week in a tin, which is why there is "
            "nearly always a batch of them on our kitchen counter during term time.",
            "Honey rather than golden syrup gives them a softer texture and a floral taste, and a handful of "
            "raisins or chopped apricots stirred in at the end makes them go a little further.",
            ("h2", "Ingredients"),
            (
                "ul",
                [
                    "125 g butter",
                    "3 tbsp honey",
                    "100 g light brown sugar",
                    "150 g rolled oats",
                    "100 g plain flour",
                    "half a tsp bicarbonate of soda",
                ],
            ),
            ("h2", "Method"),
            (
                "ol",
                [
                    "Melt the butter, honey and sugar together in a pan.",
                    "Stir in the oats, flour and bicarbonate of soda.",
                    "Roll into walnut-sized balls and bake at 170C for twelve minutes.",
                ],
            ),
            "Take them out while they still look soft in the middle: they firm up as they cool.",
        ],
    },
]
