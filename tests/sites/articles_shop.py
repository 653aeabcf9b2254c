"""Products of an invented small ceramics shop (host saltmarshpottery.example): one dict per page.

The same keys as the article sets, so build.expected() writes the product's own text: its name,
its description, its specifications and its care notes.
"""

from __future__ import annotations

from typing import Any

ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "tidewater-mug",
        "section": "Mugs",
        "headline": "Tidewater stoneware mug, 350 ml",
        "price": "£28.00",
        "blurb": "A wide, heavy mug glazed in the blue-green of the estuary at low tide.",
        "body": [
            "The Tidewater mug is thrown on the wheel from a buff stoneware clay and dipped in a celadon glaze "
            "that pools darker where the throwing rings are deepest, so no two mugs carry quite the same pattern.",
            "Its handle is pulled by hand and wide enough for three fingers, and the foot is left unglazed to show "
            "the warm colour of the fired clay underneath.",
            ("h2", "Specifications"),
            ("ul", ["Capacity: 350 ml", "Height: 9.5 cm", "Diameter: 8.5 cm", "Weight: 410 g"]),
            ("h2", "Care"),
            "Dishwasher and microwave safe. Avoid moving the mug straight from the freezer into a hot oven, as "
            "sudden changes of temperature can crack any stoneware.",
        ],
    },
    {
        "slug": "heron-serving-bowl",
        "section": "Bowls",
        "headline": "Heron serving bowl, large",
        "price": "£74.00",
        "blurb": "A broad salad bowl with a heron brushed in iron oxide across the well.",
        "body": [
            "Each Heron bowl is decorated by hand before the glaze firing: a single grey heron, painted in iron "
            "oxide with a soft goat-hair brush, stands in the well of the bowl among a few strokes of reed.",
            "The rim is rolled slightly outwards so the bowl is easy to lift when it is full, and the outside is "
            "finished in a pale oatmeal glaze speckled with iron from the clay.",
            ("h2", "Specifications"),
            ("ul", ["Diameter: 28 cm", "Height: 10 cm", "Weight: 1.6 kg", "Food safe, lead-free glazes"]),
            ("h2", "Care"),
            "Dishwasher safe, though washing by hand keeps the painted heron crisp for longer. Not suitable for "
            "use on a hob or under a grill.",
        ],
    },
    {
        "slug": "samphire-bud-vase",
        "section": "Vases",
        "headline": "Samphire bud vase",
        "price": "£22.00",
        "blurb": "A small narrow-necked vase for a single stem, glazed a deep moss green.",
        "body": [
            "The Samphire bud vase holds a single stem or a small sprig of dried grasses. Its narrow neck keeps "
            "a flower upright without a frog, and its weighted base stops it from tipping on a windowsill.",
            "The moss green glaze breaks to a golden brown on the shoulder of the vase, where it runs thinnest "
            "over the edges left by the turning tool.",
            ("h2", "Specifications"),
            ("ul", ["Height: 14 cm", "Opening: 1.5 cm", "Weight: 240 g", "Watertight, glazed inside"]),
            ("h2", "Care"),
            "Rinse with warm water and a bottle brush. Change the water every two days so the glaze inside the "
            "neck does not stain.",
        ],
    },
    {
        "slug": "driftwood-dinner-plate",
        "section": "Plates",
        "headline": "Driftwood dinner plate, set of two",
        "price": "£56.00",
        "blurb": "Wide-rimmed dinner plates in a satin grey glaze, sold as a pair.",
        "body": [
            "Driftwood plates are pressed from a slab of rolled clay and trimmed by hand, so their rims keep a "
            "gentle unevenness that catches the light like weathered timber on the shore.",
            "The satin grey glaze is hard-wearing and does not show knife marks easily, which makes these the "
            "plates we use every day in the workshop kitchen.",
            ("h2", "Specifications"),
            ("ul", ["Diameter: 27 cm", "Rim width: 3 cm", "Weight: 780 g each", "Sold as a set of two"]),
            ("h2", "Care"),
            "Dishwasher and microwave safe. Stack with a paper napkin between the plates if they are stored in "
            "a tall pile, to protect the unglazed feet.",
        ],
    },
    {
        "slug": "saltglaze-teapot",
        "section": "Teapots",
        "headline": "Salt-glazed teapot, four cups",
        "price": "£120.00",
        "blurb": "A round teapot fired with salt, its orange-peel surface flashed with amber.",
        "body": [
            "The teapot is fired in our wood kiln, where salt thrown into the firebox at the hottest point of "
            "the firing vaporises and settles on the pots, leaving the dimpled orange-peel surface salt glaze is "
            "known for.",
            "A built-in strainer of small holes sits behind the spout, the lid is held by a locking lug so it "
            "stays put when you pour the last cup, and the cane handle can be replaced if it ever wears out.",
            ("h2", "Specifications"),
            ("ul", ["Capacity: 1 litre, four cups", "Height with lid: 16 cm", "Handle: natural cane"]),
            ("h2", "Care"),
            "Rinse with hot water after use and leave the lid off to dry. Remove the cane handle before putting "
            "the teapot in a dishwasher.",
        ],
    },
    {
        "slug": "oyster-dipping-dishes",
        "section": "Small dishes",
        "headline": "Oyster dipping dishes, set of four",
        "price": "£34.00",
        "blurb": "Four shallow dishes for oil, salt or soy, each pinched into a shell shape.",
        "body": [
            "These little dishes start as balls of porcelain pinched between finger and thumb, then pressed over "
            "a real oyster shell from the beach below the workshop so the ridges show through the glaze.",
            "The set comes in four glazes from our regular range, white, celadon, moss and ash, so that each "
            "person at the table can tell their dish apart.",
            ("h2", "Specifications"),
            ("ul", ["Width: about 9 cm each", "Depth: 2 cm", "Porcelain, four glazes", "Sold as a set of four"]),
            ("h2", "Care"),
            "Dishwasher safe. The translucent porcelain is thinner than our stoneware, so please handle the "
            "dishes gently when they are wet.",
        ],
    },
    {
        "slug": "marram-planter",
        "section": "Planters",
        "headline": "Marram planter with saucer",
        "price": "£45.00",
        "blurb": "A ribbed planter and matching saucer for herbs or a small fern.",
        "body": [
            "The Marram planter is thrown with deep vertical ribs cut through the wet clay with a wire tool, "
            "echoing the dune grass that gives it its name.",
            "A drainage hole in the base and a separate glazed saucer let you water houseplants without marking "
            "the furniture, and the outside is left as bare clay so it weathers if you keep it on a patio.",
            ("h2", "Specifications"),
            ("ul", ["Height: 15 cm", "Diameter: 16 cm", "Saucer: 18 cm", "Frost resistant stoneware"]),
            ("h2", "Care"),
            "Empty the saucer after heavy rain if the planter lives outside, and bring it under cover in "
            "prolonged frost to make it last for many winters.",
        ],
    },
]
