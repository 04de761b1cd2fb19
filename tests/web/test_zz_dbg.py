def test_dbg(form_client):
    form_client.post("/quiz/1", data={"activities": "caring"})
    html = form_client.get("/results").get_data(as_text=True)
    i = html.index("hidden hx-post")
    print(repr(html[i-10:i+300]))
    assert 0
